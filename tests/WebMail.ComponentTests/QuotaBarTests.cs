using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The storage gauge under the folders (issue 22): hidden without QUOTA, a warning with ways to make room from 90 %.</summary>
public sealed class QuotaBarTests : ComponentTest
{
    private static readonly IReadOnlyList<MailFolder> Folders =
    [
        new("INBOX", "INBOX", 0, SpecialFolderKind.Inbox, 1, 3, true),
        new("Trash", "Trash", 0, SpecialFolderKind.Trash, 0, 12, true),
    ];

    private readonly RecordingMailbox _mailbox = new();

    public QuotaBarTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
        GoLive();
    }

    [Fact]
    public void NoQuotaOnTheServer_NothingShown()
    {
        var bar = Render<QuotaBar>(parameters => parameters.Add(b => b.Folders, Folders));

        bar.WaitForAssertion(() => Assert.Contains("GetQuotaAsync", _mailbox.Calls));
        Assert.Empty(bar.FindAll("#quota"));
    }

    [Fact]
    public void HalfFull_UsageShown_NoWarning()
    {
        _mailbox.Quota = new MailboxQuota(512 * 1024 * 1024L, 1024 * 1024 * 1024L);

        var bar = Render<QuotaBar>(parameters => parameters.Add(b => b.Folders, Folders));

        bar.WaitForElement("#quota");
        Assert.Equal("50", bar.Find("#quota").GetAttribute("data-percent"));
        Assert.Equal("50", bar.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Empty(bar.FindAll("#quota-warning"));
        Assert.Equal("512.0 MB of 1 GB used", bar.Find("#quota-label").TextContent);
    }

    [Fact]
    public void At91Percent_WarnsInChinese_OffersTheLargestMessagesAndTrash()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        _mailbox.Quota = new MailboxQuota(91 * 1024, 100 * 1024);

        var bar = Render<QuotaBar>(parameters => parameters.Add(b => b.Folders, Folders));

        bar.WaitForElement("#quota-warning");
        Assert.StartsWith("邮箱快满了", bar.Find("#quota-warning").TextContent, StringComparison.Ordinal);
        Assert.Contains("sort=size", bar.Find("#quota-largest").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("./?folder=Trash", bar.Find("#quota-trash").GetAttribute("href"));
        Assert.Contains("12", bar.Find("#quota-trash").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(820L, "820 B")]
    [InlineData(14L * 1024, "14 KB")]
    [InlineData(3_355_443L, "3.2 MB")]
    [InlineData(1024L * 1024 * 1024, "1 GB")]
    [InlineData(2_684_354_560L, "2.5 GB")]
    public void Sizes_AsPeopleReadThem_UpToGigabytes(long bytes, string shown)
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            Assert.Equal(shown, ByteSize.Format(bytes));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void AskedAgain_WhenTheFoldersTotalsChange_NotWhenOnlyUnreadCountsDo()
    {
        _mailbox.Quota = new MailboxQuota(1, 100);
        var bar = Render<QuotaBar>(parameters => parameters.Add(b => b.Folders, Folders));
        bar.WaitForElement("#quota");

        bar.Render(parameters => parameters.Add(b => b.Folders, [Folders[0] with { Unread = 0 }, Folders[1]]));
        Assert.Single(_mailbox.Calls, c => c == "GetQuotaAsync");
        bar.Render(parameters => parameters.Add(b => b.Folders, [Folders[0], Folders[1] with { Total = 0 }]));

        bar.WaitForAssertion(() => Assert.Equal(2, _mailbox.Calls.Count(c => c == "GetQuotaAsync")));
    }
}
