using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests.HostileMail;

/// <summary>Runs alone (not beside other test classes), so the heap measured is this server's work on one message.</summary>
[CollectionDefinition(nameof(MeasuredMemory), DisableParallelization = true)]
public sealed class MeasuredMemory;

/// <summary>
/// Each message built to exhaust the server opens in a real browser showing its readable text, the page keeps
/// answering, and the server's heap grows within a bound while it is opened and after.
/// </summary>
[Collection(nameof(MeasuredMemory))]
public sealed class ExhaustingMailTests(ExhaustingMailTests.Fixture fixture) : IClassFixture<ExhaustingMailTests.Fixture>
{
    /// <summary>
    /// Retained after opening: the session's cache may keep up to 32 MB of decoded messages (MessageCache), plus the
    /// page's render tree. Peak while opening: a message may be copied a few times, but never amplified into
    /// gigabytes as the inline image once was.
    /// </summary>
    private const long RetainedBound = 64L * 1024 * 1024;
    private const long PeakBound = 512L * 1024 * 1024;

    public static TheoryData<string> Subjects => new(ExhaustingMessages.VisibleText.Keys);

    [Theory]
    [MemberData(nameof(Subjects))]
    public async Task Opened_ShowsItsTextKeepsAnsweringAndStaysWithinTheMemoryBound(string subject)
    {
        var visible = ExhaustingMessages.VisibleText[subject];
        var page = fixture.Page;
        await page.GotoAsync("/");
        await AppShell.Of(page).Live.WaitForAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        var peak = Task.Run(async () =>
        {
            var highest = before;
            while (!sampling.IsCancellationRequested)
            {
                highest = Math.Max(highest, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(20);
            }

            return highest;
        });

        await page.EvaluateAsync("url => Blazor.navigateTo(url)", $"/message/{fixture.IdOf(subject)}");
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync(subject, new() { Timeout = 30_000 });
        await ExpectVisibleTextAsync(page, visible);
        await sampling.CancelAsync();
        var highest = await peak;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(highest - before < PeakBound, $"{subject}: the heap rose by {(highest - before) / 1048576} MB while opening");
        Assert.True(after - before < RetainedBound, $"{subject}: {(after - before) / 1048576} MB still held after opening");
        // Still answering: the source view opens and closes over the live connection.
        await MessagePane.Of(page).ViewSource.ClickAsync();
        await Expect(MessagePane.Of(page).Source).ToBeVisibleAsync();
        await MessagePane.Of(page).ViewSource.ClickAsync();
    }

    /// <summary>The text is in the pane, or in the body frame for an HTML message.</summary>
    private static async Task ExpectVisibleTextAsync(IPage page, string visible)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await MessagePane.Of(page).TextOrNestingNotice.Filter(new() { HasText = visible }).CountAsync() > 0)
            {
                return;
            }

            foreach (var frame in page.Frames)
            {
                if ((frame.Url.Contains("/body", StringComparison.Ordinal) || frame.Url == "about:srcdoc")
                    && (await frame.ContentAsync()).Contains(visible, StringComparison.Ordinal))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"'{visible}' never appeared");
            await Task.Delay(200);
        }
    }

    public sealed class Fixture : BrowserFixture
    {
        private Dictionary<string, string> _ids = [];

        public IPage Page { get; private set; } = null!;

        public string IdOf(string subject) => _ids[subject];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var user = DemoMailServer.NewTestAccount("exhausting");
            var messages = ExhaustingMessages.All();
            var ids = await new MailTestClients(new NoOutput()).AppendAsync(
                user, messages, CancellationToken.None);
            _ids = messages.Select((m, i) => (Subject: m.Subject ?? "", Id: ids[i])).ToDictionary(p => p.Subject, p => p.Id);
            Page = await NewPageAsync();
            await SignInAsync(Page, user);
        }
    }

    private sealed class NoOutput : Xunit.Abstractions.ITestOutputHelper
    {
        public void WriteLine(string message)
        {
        }

        public void WriteLine(string format, params object[] args)
        {
        }
    }
}
