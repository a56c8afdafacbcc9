using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Mail.Caching;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Imap;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Pop3;

namespace WebMail.Server.Mail.Sessions;

/// <summary>Finds or makes the mail context of a session; the session owns it and disposes it when it ends.</summary>
public sealed class SessionMailboxes(
    IOptionsMonitor<MailOptions> mailOptions,
    IOptionsMonitor<MessageCacheOptions> cacheOptions,
    IOptionsMonitor<UserSessionOptions> sessionOptions,
    IOptionsMonitor<ReadingOptions> readingOptions,
    MessageCacheBudget budget,
    MailClientFactory clients,
    MailServerCalls calls,
    Diagnostics.WebMailMetrics metrics)
{
    private readonly ConditionalWeakTable<UserSession, SessionMailbox> _contexts = [];

    /// <exception cref="MailOperationException">The session has ended, or its domain is no longer configured.</exception>
    public SessionMailbox For(UserSession session)
    {
        if (session.IsEnded)
        {
            throw new MailOperationException(MailProblem.SessionEnded);
        }

        return _contexts.GetValue(session, Create);
    }

    private SessionMailbox Create(UserSession session)
    {
        var domain = mailOptions.CurrentValue.FindDomain(session.Domain) ?? throw new MailOperationException(MailProblem.SessionEnded);
        var cache = new SessionCache(new DecodedMessageCache(cacheOptions, budget));
        IMailStore store = session.Protocol == ReadingProtocol.Imap
            ? new ImapMailStore(session, domain, clients, calls, sessionOptions.CurrentValue.ImapIdleDisconnect, readingOptions.CurrentValue.MaxLocalSort)
            : new Pop3MailStore(session, domain, clients, calls, cache);
        var context = new SessionMailbox(session, store, cache)
        {
            Metrics = metrics,
            MaxMessageBytes = readingOptions.CurrentValue.MaxMessageBytes,
        };
        session.Own(context);
        return context;
    }
}
