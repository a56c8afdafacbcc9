using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;

namespace WebMail.Benchmarks;

/// <summary>Sessions of the app under measure, signed in without the sign-in page (IMAP), and ended again.</summary>
internal static class BenchmarkSessions
{
    public static async Task<(UserSession Session, SessionMailbox Mailbox)> SignInAsync(WebMailAppFactory app, string user)
    {
        var session = await app.Services.GetRequiredService<UserSessionStore>().CreateAsync(user, DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword);
        return (session, app.Services.GetRequiredService<SessionMailboxes>().For(session));
    }

    public static Task EndAsync(WebMailAppFactory app, UserSession session) =>
        app.Services.GetRequiredService<UserSessionStore>().EndAsync(session.Id, "benchmark");

    /// <summary>One page listed by a session of its own.</summary>
    public static async Task<MessagePage> ListAsync(WebMailAppFactory app, string user, MessageQuery query)
    {
        var (session, mailbox) = await SignInAsync(app, user);
        var page = await mailbox.ListAsync(query, refresh: true, CancellationToken.None);
        await EndAsync(app, session);
        return page;
    }
}
