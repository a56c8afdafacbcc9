using System.Collections;
using MailKit;
using MailKit.Search;
using WebMail.Server.Mail.Imap;

namespace WebMail.UnitTests;

/// <summary>
/// The server's order (SORT, SEARCH) is read by enumerating it, never by index: MailKit's UniqueIdSet walks its
/// ranges from the start for each index, which made a sorted page of 100,000 messages take seconds (bench/huge.sh).
/// </summary>
public sealed class ServerOrderTests
{
    [Fact]
    public void Unthreaded_ReadsTheServersOrderByEnumerating_NeverByIndex()
    {
        var answer = new EnumerateOnly([new UniqueId(7), new UniqueId(3), new UniqueId(9)]);

        var ordered = ImapMailStore.Unthreaded(answer);

        Assert.Equal([(new UniqueId(7), 0), (new UniqueId(3), 0), (new UniqueId(9), 0)], ordered);
    }

    [Fact]
    public void Unthreaded_AUniqueIdSetInTheServersOrder_KeepsThatOrder()
    {
        var set = new UniqueIdSet([new UniqueId(5), new UniqueId(1), new UniqueId(2), new UniqueId(3)], SortOrder.None);

        Assert.Equal(new uint[] { 5, 1, 2, 3 }, ImapMailStore.Unthreaded(set).Select(o => o.Item1.Id));
    }

    /// <summary>An answer that fails when indexed, as a stand-in for a slow indexer.</summary>
    private sealed class EnumerateOnly(List<UniqueId> items) : IList<UniqueId>
    {
        public UniqueId this[int index] { get => throw new InvalidOperationException("indexed"); set => throw new NotSupportedException(); }

        public int Count => items.Count;

        public bool IsReadOnly => true;

        public IEnumerator<UniqueId> GetEnumerator() => items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void CopyTo(UniqueId[] array, int arrayIndex) => throw new InvalidOperationException("copied by index");

        public int IndexOf(UniqueId item) => throw new NotSupportedException();

        public void Insert(int index, UniqueId item) => throw new NotSupportedException();

        public void RemoveAt(int index) => throw new NotSupportedException();

        public void Add(UniqueId item) => throw new NotSupportedException();

        public void Clear() => throw new NotSupportedException();

        public bool Contains(UniqueId item) => throw new NotSupportedException();

        public bool Remove(UniqueId item) => throw new NotSupportedException();
    }
}
