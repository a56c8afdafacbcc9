using System.Diagnostics.Metrics;
using WebMail.Server.Mail.Caching;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Diagnostics;

/// <summary>
/// The webmail's own metrics (meter "WebMail"), exported with ASP.NET Core's and the runtime's through
/// OpenTelemetry (see Hosting/TelemetryRegistration). No tag ever carries an address, a subject or a secret: only
/// outcomes and protocol names, so the number of series stays small.
/// </summary>
public sealed class WebMailMetrics
{
    public const string MeterName = "WebMail";

    private readonly Counter<long> _signIns;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _cacheLookups;
    private readonly Histogram<double> _mailCommands;

    public WebMailMetrics(IMeterFactory meters, UserSessionStore sessions, MessageCacheBudget cacheBudget)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("webmail.signins", "{attempt}", "Sign-in attempts, by outcome (ok, or the problem).");
        _sends = meter.CreateCounter<long>("webmail.sends", "{message}", "Messages handed to the submission server, by outcome.");
        _cacheLookups = meter.CreateCounter<long>("webmail.cache.lookups", "{lookup}", "Opening a message: served from the session's cache (hit) or downloaded (miss).");
        _mailCommands = meter.CreateHistogram<double>("webmail.mail_server.duration", "s", "Time of one mail-server operation (connect and log in when needed, then the work), by protocol, purpose and outcome.");
        meter.CreateObservableUpDownCounter("webmail.sessions.active", () => sessions.Count, "{session}", "Signed-in sessions on this instance.");
        meter.CreateObservableUpDownCounter("webmail.cache.bytes", () => cacheBudget.Used, "By", "Decoded messages held by all sessions' caches.");
    }

    public void SignIn(string outcome) => _signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Send(string outcome) => _sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void MailCommand(string protocol, string purpose, string outcome, TimeSpan elapsed) =>
        _mailCommands.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("protocol", protocol),
            new KeyValuePair<string, object?>("purpose", purpose),
            new KeyValuePair<string, object?>("outcome", outcome));
}
