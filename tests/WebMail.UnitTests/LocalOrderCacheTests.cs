using MailKit;
using WebMail.Server.Mail.Imap;

namespace WebMail.UnitTests;

/// <summary>An order worked out here is reused only for the same messages of the same folder under the same UIDVALIDITY.</summary>
public sealed class LocalOrderCacheTests
{
    private static readonly UniqueId[] Matches = [new(1), new(2), new(5)];
    private static readonly List<(UniqueId, int)> BySubject = [(new(5), 0), (new(1), 0), (new(2), 0)];

    [Fact]
    public void Find_SameFolderValidityOrderAndMatches_GivesTheKeptOrder()
    {
        var cache = new LocalOrderCache();
        cache.Keep("INBOX", 7, "Subject Ascending", Matches, BySubject);

        Assert.Same(BySubject, cache.Find("INBOX", 7, "Subject Ascending", [new(1), new(2), new(5)]));
    }

    [Theory]
    [InlineData("Archive", 7u, "Subject Ascending", new uint[] { 1, 2, 5 })]
    [InlineData("INBOX", 8u, "Subject Ascending", new uint[] { 1, 2, 5 })] // the folder was recreated: UIDs mean other messages
    [InlineData("INBOX", 7u, "From Ascending", new uint[] { 1, 2, 5 })]
    [InlineData("INBOX", 7u, "Subject Ascending", new uint[] { 1, 2, 5, 6 })] // new mail
    [InlineData("INBOX", 7u, "Subject Ascending", new uint[] { 1, 5 })] // one removed
    public void Find_AnythingDifferent_WorksItOutAfresh(string folder, uint uidValidity, string order, uint[] matches)
    {
        var cache = new LocalOrderCache();
        cache.Keep("INBOX", 7, "Subject Ascending", Matches, BySubject);

        Assert.Null(cache.Find(folder, uidValidity, order, [.. matches.Select(id => new UniqueId(id))]));
    }
}
