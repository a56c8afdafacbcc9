using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Auth;
using WebMail.Server.Mail;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Contacts;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.Mail.Smtp;
using WebMail.Server.UserData;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>Sending through the real submission server, read back by the recipients over POP3 and IMAP.</summary>
public sealed class SendingTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private const string Subject = "实验报告：第三周数据";
    private const string Body = "王老师您好：\n附件是第三周的实验数据和报告，请查收。\n谢谢！";
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Send_ChineseMessageWithTwoAttachments_ArrivesIntactForToCcAndBcc()
    {
        var (alice, bob, carol, dave) = (Account("alice"), Account("bob"), Account("carol"), Account("dave"));
        var data = RandomNumberGenerator.GetBytes(70_000);
        var report = Encoding.UTF8.GetBytes("report body");
        var compose = ComposeFor(app, alice, ReadingProtocol.Imap);

        var result = await SendNowAsync(compose, new OutgoingMessage(
            $"王老师 <{bob}>", carol, dave, Subject, Body,
            [new("实验数据 第三周.bin", "application/octet-stream", data), new("report.txt", "text/plain", report)]), _timeout);

        Assert.Equal(MailProblem.None, result.Problem);
        Assert.True(result.SavedToSent);
        await _clients.WaitForInboxAsync(bob, 1, _timeout);
        await _clients.WaitForInboxAsync(carol, 1, _timeout);
        await _clients.WaitForInboxAsync(dave, 1, _timeout);
        using (var pop3 = await _clients.Pop3Async(bob, DemoMailServer.TestPassword, _timeout))
        {
            AssertIntact(await pop3.GetMessageAsync(0, _timeout), alice, data, report);
            await pop3.DisconnectAsync(true, _timeout);
        }

        foreach (var reader in new[] { bob, carol, dave })
        {
            using var imap = await _clients.ImapAsync(reader, DemoMailServer.TestPassword, _timeout);
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
            var received = await imap.Inbox.GetMessageAsync(0, _timeout);
            AssertIntact(received, alice, data, report);
            Assert.Empty(received.Bcc);
            Assert.DoesNotContain(dave, received.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        using var sender = await _clients.ImapAsync(alice, DemoMailServer.TestPassword, _timeout);
        var sent = sender.GetFolder(SpecialFolder.Sent);
        Assert.NotNull(sent);
        await sent.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var copy = await sent.GetMessageAsync(0, _timeout);
        Assert.Equal(Subject, copy.Subject);
        Assert.Equal(dave, copy.Bcc.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Send_WithADisplayNameInTheSettings_ArrivesFromThatNameAndTheUsersAddress()
    {
        var (alice, bob) = (Account("alice"), Account("bob"));
        var compose = ComposeFor(app, alice, ReadingProtocol.Imap);
        await app.Services.GetRequiredService<WebMail.Server.UserData.IUserSettingsStore>()
            .SaveAsync(alice, new UserSettings { DisplayName = "张伟" }, _timeout);

        var result = await SendNowAsync(compose, new OutgoingMessage(bob, "", "", "hi", "body", []), _timeout);

        Assert.Equal(MailProblem.None, result.Problem);
        await _clients.WaitForInboxAsync(bob, 1, _timeout);
        using var imap = await _clients.ImapAsync(bob, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var from = (await imap.Inbox.GetMessageAsync(0, _timeout)).From.Mailboxes.Single();
        Assert.Equal(("张伟", alice), (from.Name, from.Address));
    }

    [Fact]
    public async Task Send_FromAnAliasTheSchoolLists_ArrivesFromIt_AnyOtherFromRefused()
    {
        var (alice, bob) = (Account("alias"), Account("aliasreader"));
        var local = alice[..alice.IndexOf('@')];
        await using var school = WebMailAppFactory.With(new()
        {
            [$"Mail:Domains:0:Aliases:{local}:0"] = $"office-{local}@{DemoMailServer.Domain}",
        });
        var compose = ComposeFor(school, alice, ReadingProtocol.Imap);

        Assert.Equal([alice, $"office-{local}@{DemoMailServer.Domain}"], await compose.SenderAddressesAsync());
        var fromAlias = await SendNowAsync(compose, new OutgoingMessage(bob, "", "", "教务通知", "body", []) { From = $"office-{local}@{DemoMailServer.Domain}" }, _timeout);
        var forged = await SendNowAsync(compose, new OutgoingMessage(bob, "", "", "forged", "body", []) { From = $"dean@{DemoMailServer.Domain}" }, _timeout);

        Assert.Equal(MailProblem.None, fromAlias.Problem);
        Assert.Equal(MailProblem.InvalidAddresses, forged.Problem);
        await _clients.WaitForInboxAsync(bob, 1, _timeout);
        using var imap = await _clients.ImapAsync(bob, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(1, imap.Inbox.Count);
        Assert.Equal($"office-{local}@{DemoMailServer.Domain}", (await imap.Inbox.GetMessageAsync(0, _timeout)).From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Send_HeaderInjectionInEveryField_AddsNoHeaderAndNoRecipient()
    {
        var (alice, bob, victim) = (Account("alice"), Account("bob"), Account("victim"));
        var compose = ComposeFor(app, alice, ReadingProtocol.Pop3);

        var injectedAddress = await SendNowAsync(compose, new OutgoingMessage(
            $"{bob}\r\nBcc: {victim}", "", "", "hi", "body", []), _timeout);
        var injectedSubject = await SendNowAsync(compose, new OutgoingMessage(
            bob, "", "", $"Hello\r\nBcc: {victim}\r\nX-Injected: yes", "body",
            [new($"evil\r\nX-File: yes.txt", "text/plain\r\nX-Type: yes", [1, 2, 3])]), _timeout);

        Assert.Equal(MailProblem.InvalidAddresses, injectedAddress.Problem);
        Assert.Equal(MailProblem.None, injectedSubject.Problem);
        await _clients.WaitForInboxAsync(bob, 1, _timeout);
        using var imap = await _clients.ImapAsync(bob, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var received = await imap.Inbox.GetMessageAsync(0, _timeout);
        Assert.Null(received.Headers["X-Injected"]);
        Assert.Null(received.Headers["X-File"]);
        Assert.Empty(received.Bcc);
        Assert.StartsWith("Hello", received.Subject);
        Assert.All(received.Attachments.OfType<MimePart>(), p => Assert.DoesNotContain('\n', p.FileName ?? ""));
        using var victimImap = await _clients.ImapAsync(victim, DemoMailServer.TestPassword, _timeout);
        await victimImap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(0, victimImap.Inbox.Count);
    }

    [Fact]
    public async Task Send_RecipientTheServerRefuses_SaysWhichWithTheServersReply()
    {
        var compose = ComposeFor(app, Account("alice"), ReadingProtocol.Imap);

        var result = await SendNowAsync(compose, new OutgoingMessage($"nobody@{DemoMailServer.Domain}", "", "", "hi", "body", []), _timeout);

        Assert.Equal(MailProblem.RecipientRefused, result.Problem);
        Assert.Contains($"nobody@{DemoMailServer.Domain}", result.Detail);
        Assert.Contains("550", result.Detail);
    }

    [Fact]
    public async Task Send_SubmissionServerDown_SaysUnreachable()
    {
        await using var down = WebMailAppFactory.With(new() { ["Mail:Domains:0:Smtp:Port"] = FreePort.Find().ToString() });
        var compose = ComposeFor(down, Account("alice"), ReadingProtocol.Imap);

        var result = await SendNowAsync(compose, new OutgoingMessage(Account("bob"), "", "", "hi", "body", []), _timeout);

        Assert.Equal(MailProblem.Unreachable, result.Problem);
    }

    [Fact]
    public async Task Send_Reply_CarriesInReplyToAndReferences()
    {
        var (alice, bob) = (Account("alice"), Account("bob"));
        var compose = ComposeFor(app, alice, ReadingProtocol.Imap);

        var result = await SendNowAsync(compose, new OutgoingMessage(bob, "", "", "Re: plan", "reply", [], "m2@school.test", ["m1@school.test", "m2@school.test"]), _timeout);

        Assert.True(result.Succeeded);
        await _clients.WaitForInboxAsync(bob, 1, _timeout);
        using var imap = await _clients.ImapAsync(bob, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var received = await imap.Inbox.GetMessageAsync(0, _timeout);
        Assert.Equal("m2@school.test", received.InReplyTo);
        Assert.Equal(["m1@school.test", "m2@school.test"], received.References);
    }

    [Fact]
    public async Task Reply_Sent_FlagsTheOriginalAnsweredForEveryClient()
    {
        var (alice, bob) = (Account("alice"), Account("bob"));
        var ids = await _clients.AppendAsync(alice, [TestMessages.Plain("question")], _timeout);
        var compose = ComposeFor(app, alice, ReadingProtocol.Imap);
        var reply = await compose.PrepareAsync(ComposeMode.Reply, ids[0], _timeout);

        var result = await SendNowAsync(compose, reply with { To = bob, RepliedToId = ids[0] }, _timeout);

        Assert.True(result.Succeeded);
        using var imap = await _clients.ImapAsync(alice, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var flags = (await imap.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags, _timeout)).Single().Flags!.Value;
        Assert.True(flags.HasFlag(MessageFlags.Answered));
    }

    [Theory]
    [InlineData("", MailProblem.NoRecipients)]
    [InlineData("not an address", MailProblem.InvalidAddresses)]
    public async Task Send_BadRecipients_RefusedBeforeTheServer(string to, MailProblem expected)
    {
        var compose = ComposeFor(app, Account("alice"), ReadingProtocol.Imap);

        var result = await SendNowAsync(compose, new OutgoingMessage(to, "", "", "hi", "body", []), _timeout);

        Assert.Equal(expected, result.Problem);
    }

    [Fact]
    public async Task Send_AttachmentOverThePerFileLimit_IsRefusedOnTheServer()
    {
        await using var strict = WebMailAppFactory.With(new() { ["Compose:MaxAttachmentBytesPerFile"] = "1000" });
        var compose = ComposeFor(strict, Account("alice"), ReadingProtocol.Imap);

        var result = await SendNowAsync(compose, new OutgoingMessage(Account("bob"), "", "", "big", "body", [new("big.bin", "application/octet-stream", new byte[1001])]), _timeout);

        Assert.Equal(MailProblem.TooLarge, result.Problem);
        Assert.Equal(1000, compose.MaxAttachmentBytesPerFile);
    }

    [Fact]
    public async Task SuggestAddresses_AfterReadingAndWriting_OffersThosePeople()
    {
        var (alice, bob) = (Account("alice"), Account("bob"));
        await _clients.AppendAsync(alice, [TestMessages.Plain("hello")], _timeout);
        var compose = ComposeFor(app, alice, ReadingProtocol.Imap, out var mail);
        await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout);
        await SendNowAsync(compose, new OutgoingMessage($"Bob <{bob}>", "", "", "hi", "body", []), _timeout);

        var book = new AddressBookService(app.Services.GetRequiredService<CurrentMailbox>(), new SignedInState(mail.Session),
            app.Services.GetRequiredService<IContactStore>(), app.Services.GetRequiredService<WebMail.Server.Mail.Ldap.SchoolDirectory>(), TimeProvider.System);

        var sender = Assert.Single(await book.SuggestAsync("test s", _timeout));
        Assert.Equal(("Test Sender <sender@school.test>", SuggestionSource.Recent), (sender.Mailboxes.Single(), sender.Source));
        var written = Assert.Single(await book.SuggestAsync("bob", _timeout), s => s.Mailboxes.Single().Contains(bob, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(SuggestionSource.Collected, written.Source); // kept beyond the session: in the address book
        Assert.Contains(await app.Services.GetRequiredService<IContactStore>().ListAsync(alice, _timeout), c => c.Addresses.Contains(bob, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Send_UndoWithinTheDelay_NothingIsSent()
    {
        await using var slow = WebMailAppFactory.With(new() { ["Compose:UndoSendDelay"] = "00:00:02" });
        var (alice, bob) = (Account("alice"), Account("bob"));
        var compose = ComposeFor(slow, alice, ReadingProtocol.Imap);

        var pending = await compose.SendAsync(new OutgoingMessage(bob, "", "", "never", "body", []), _timeout);
        Assert.NotNull(pending.PendingId);
        Assert.True(await compose.UndoAsync(pending.PendingId));

        Assert.Equal(MailProblem.Undone, (await compose.CompleteAsync(pending.PendingId, _timeout)).Problem);
        await Task.Delay(TimeSpan.FromSeconds(2.5), _timeout);
        using var imap = await _clients.ImapAsync(bob, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(0, imap.Inbox.Count);
    }

    [Fact]
    public async Task Send_PageGoneDuringTheDelay_IsSentAnyway()
    {
        await using var slow = WebMailAppFactory.With(new() { ["Compose:UndoSendDelay"] = "00:00:01" });
        var (alice, bob) = (Account("alice"), Account("bob"));
        using var page = new CancellationTokenSource();

        var pending = await ComposeFor(slow, alice, ReadingProtocol.Imap).SendAsync(new OutgoingMessage(bob, "", "", "still goes", "body", []), page.Token);
        page.Cancel();

        Assert.NotNull(pending.PendingId);
        await _clients.WaitForInboxAsync(bob, 1, _timeout);
    }

    private async Task<SendResult> SendNowAsync(ComposeService compose, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var result = await compose.SendAsync(message, cancellationToken);
        return result.PendingId is { } pending ? await compose.CompleteAsync(pending, cancellationToken) : result;
    }

    private static string Account(string purpose) => DemoMailServer.NewTestAccount(purpose);

    internal static ComposeService ComposeFor(WebMailAppFactory host, string user, ReadingProtocol protocol) =>
        ComposeFor(host, user, protocol, out _);

    internal static ComposeService ComposeFor(WebMailAppFactory host, string user, ReadingProtocol protocol, out SessionMailbox mail)
    {
        var services = host.Services;
        var session = services.GetRequiredService<UserSessionStore>().CreateAsync(user, DemoMailServer.Domain, protocol, DemoMailServer.TestPassword).GetAwaiter().GetResult(); // in-process store: completes at once
        mail = services.GetRequiredService<SessionMailboxes>().For(session);
        return new ComposeService(
            services.GetRequiredService<CurrentMailbox>(), new SignedInState(session), services.GetRequiredService<Submission>(),
            services.GetRequiredService<IOptionsMonitor<MailOptions>>(), services.GetRequiredService<IOptionsMonitor<ComposeOptions>>(),
            services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<WebMail.Client.UiText>>(),
            services.GetRequiredService<Outbox>(), services.GetRequiredService<WebMail.Server.UserData.IUserSettingsStore>(),
            services.GetRequiredService<WebMail.Server.UserData.IScheduledMessageStore>(),
            services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ComposeService>>(),
            services.GetRequiredService<WebMail.Server.Mail.Contacts.WrittenRecipients>(), TimeProvider.System);
    }

    private static void AssertIntact(MimeMessage received, string from, byte[] data, byte[] report)
    {
        Assert.Equal(Subject, received.Subject);
        Assert.Equal(from, received.From.Mailboxes.Single().Address);
        Assert.Equal("王老师", received.To.Mailboxes.Single().Name);
        Assert.Equal(Body, received.TextBody?.TrimEnd().Replace("\r\n", "\n"));
        Assert.NotNull(received.MessageId);
        var attachments = received.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["实验数据 第三周.bin", "report.txt"], attachments.Select(a => a.FileName));
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(Decode(attachments[0])));
        Assert.Equal(report, Decode(attachments[1]));
    }

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
