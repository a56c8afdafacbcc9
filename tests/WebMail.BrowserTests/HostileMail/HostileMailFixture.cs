using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;
using MimeKit;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests.HostileMail;

/// <summary>
/// One test mailbox holding every hostile message, one signed-in browser page, and everything the page could do
/// wrong recorded: dialogs, pop-ups, and any request to a host other than the webmail's own (which is aborted).
/// </summary>
public sealed class HostileMailFixture : BrowserFixture
{
    private readonly ConcurrentQueue<string> _incidents = new();
    private Dictionary<string, string> _ids = [];

    public IPage Page { get; private set; } = null!;

    public string User { get; } = DemoMailServer.NewTestAccount("hostile");

    public string IdOf(string subject) => _ids[subject];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var messages = HostileHtmlBodies.All.Select(body => HtmlMessage(body.Key, body.Value)).ToList();
        messages.Add(HostileMimeMessages.MarkupInHeaders());
        messages.Add(HostileMimeMessages.MarkupInEncodedWords());
        messages.Add(HostileMimeMessages.DangerousAttachments());
        var ids = await new MailTestClients(new NullOutput()).AppendAsync(User, messages, CancellationToken.None);
        _ids = messages.Select((m, i) => (Subject: m.Subject ?? "", Id: ids[i])).ToDictionary(p => p.Subject, p => p.Id);

        Page = await NewPageAsync();
        var ownHost = App.BaseAddress.Host;
        await Page.Context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url) is { Scheme: "http" or "https" } uri && uri.Host == ownHost)
            {
                await route.ContinueAsync();
            }
            else
            {
                _incidents.Enqueue($"request to {route.Request.Url}");
                await route.AbortAsync();
            }
        });
        Page.Context.Page += (_, popup) => _incidents.Enqueue($"pop-up {popup.Url}");
        Page.Dialog += async (_, dialog) =>
        {
            _incidents.Enqueue($"dialog {dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await SignInAsync(Page, User);
    }

    /// <summary>What went wrong since the last call, and forgets it.</summary>
    public async Task<IReadOnlyList<string>> TakeIncidentsAsync()
    {
        var found = new List<string>();
        while (_incidents.TryDequeue(out var incident))
        {
            found.Add(incident);
        }

        if (await Page.EvaluateAsync<bool>("() => window.__pwned !== undefined"))
        {
            found.Add("script ran in the webmail's window");
            await Page.EvaluateAsync("() => delete window.__pwned");
        }

        return found;
    }

    private static MimeMessage HtmlMessage(string subject, string html)
    {
        var message = new MimeMessage { Subject = subject, Date = DateTimeOffset.Now };
        message.From.Add(new MailboxAddress("Attacker", "attacker@evil.invalid"));
        message.To.Add(new MailboxAddress("", "reader@school.test"));
        var body = new TextPart("html");
        body.SetText(Encoding.UTF8, html);
        message.Body = body;
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private sealed class NullOutput : ITestOutputHelper
    {
        public void WriteLine(string message)
        {
        }

        public void WriteLine(string format, params object[] args)
        {
        }
    }
}
