using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.IntegrationTests.UserData;

/// <summary>Address books on a real SQLite file and a real PostgreSQL (issue 20).</summary>
public sealed class ContactStoreTests
{
    private const string User = "2023011234@school.test";
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Save_ThenList_KeptCleanedAndOnlyForItsUser(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.ContactStore();

        var saved = await store.SaveAsync(User, new Contact("", " 张伟\r\n ", ["zhang.wei@school.test", "not an address", "ZHANG.WEI@school.test", "zw@lab.test"],
            Phone: "138 0000 0000", Notes: "实验室\n周三"), _timeout);

        Assert.NotNull(saved);
        Assert.Equal("张伟", saved.Name);
        Assert.Equal(["zhang.wei@school.test", "zw@lab.test"], saved.Addresses);
        var listed = Assert.Single(await store.ListAsync(User.ToUpperInvariant(), _timeout));
        Assert.Equal((saved.Id, saved.Name, saved.Phone, saved.Notes), (listed.Id, listed.Name, listed.Phone, listed.Notes));
        Assert.Equal(saved.Addresses, listed.Addresses);
        Assert.Empty(await store.ListAsync("someone.else@school.test", _timeout));
        Assert.Null(await store.SaveAsync("someone.else@school.test", saved with { Name = "stolen" }, _timeout));
        Assert.False(await store.DeleteAsync("someone.else@school.test", saved.Id, _timeout));
        Assert.True(await store.DeleteAsync(User, saved.Id, _timeout));
        Assert.Empty(await store.ListAsync(User, _timeout));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task RecordWritten_CountsContactsAndCollectsTheRest_UnlessTurnedOff_ThenClears(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.ContactStore();
        await store.SaveAsync(User, new Contact("", "张伟", ["zhang.wei@school.test"]), _timeout);

        await store.RecordWrittenAsync(User, [Person("", "Zhang.Wei@school.test"), Person("李娜", "li.na@school.test")], collect: true, _timeout);
        await store.RecordWrittenAsync(User, [Person("李娜", "li.na@school.test"), Person("", "wang@school.test")], collect: false, _timeout);

        var book = (await store.ListAsync(User, _timeout)).ToDictionary(c => c.Addresses[0]);
        Assert.Equal(2, book.Count);
        Assert.Equal((1, false), (book["zhang.wei@school.test"].TimesWritten, book["zhang.wei@school.test"].Collected));
        Assert.Equal((2, true, "李娜"), (book["li.na@school.test"].TimesWritten, book["li.na@school.test"].Collected, book["li.na@school.test"].Name));

        Assert.Equal(1, await store.ClearCollectedAsync(User, _timeout));
        Assert.Equal(["zhang.wei@school.test"], (await store.ListAsync(User, _timeout)).Select(c => c.Addresses[0]));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Import_SharedAddressesMerged_GroupsByName_NothingDoubled(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.ContactStore();
        await store.SaveAsync(User, new Contact("", "张伟", ["zhang.wei@school.test"], Notes: "mine"), _timeout);
        await store.RecordWrittenAsync(User, [Person("", "li.na@school.test")], collect: true, _timeout);

        Contact[] file =
        [
            new("", "Wei Zhang", ["ZHANG.WEI@school.test", "zw@home.test"], Phone: "110", Notes: "theirs"),
            new("", "李娜", ["li.na@school.test"]),
            new("", "王芳", ["wang.fang@school.test"]),
            new("", "王芳 again", ["wang.fang@school.test"]),
            new("", "no address", []),
            new("", "软件工程2班", ["张伟 <zhang.wei@school.test>", "wang.fang@school.test"], IsGroup: true),
        ];
        var first = await store.ImportAsync(User, file, _timeout);
        var again = await store.ImportAsync(User, file, _timeout);

        Assert.Equal(new ContactImportResult(Added: 2, Merged: 3, Skipped: 1), first);
        Assert.Equal(new ContactImportResult(Added: 0, Merged: 5, Skipped: 1), again);
        var book = await store.ListAsync(User, _timeout);
        Assert.Equal(4, book.Count);
        var zhang = book.Single(c => c.Addresses.Contains("zhang.wei@school.test"));
        Assert.Equal(("张伟", "110", "mine"), (zhang.Name, zhang.Phone, zhang.Notes));
        Assert.Equal(["zhang.wei@school.test", "zw@home.test"], zhang.Addresses);
        var li = book.Single(c => c.Addresses.Contains("li.na@school.test"));
        Assert.Equal(("李娜", false), (li.Name, li.Collected));
        Assert.Equal(["张伟 <zhang.wei@school.test>", "wang.fang@school.test"], book.Single(c => c.IsGroup).Addresses);
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Save_BookFull_RefusedAsTooManyContacts(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.ContactStore();
        var many = Enumerable.Range(0, Contact.MaxContacts + 5).Select(i => new Contact("", $"学生{i}", [$"s{i}@school.test"])).ToList();

        var result = await store.ImportAsync(User, many, _timeout);

        Assert.Equal(new ContactImportResult(Contact.MaxContacts, 0, 5), result);
        var refused = await Assert.ThrowsAsync<MailOperationException>(() => store.SaveAsync(User, new Contact("", "one more", ["x@school.test"]), _timeout));
        Assert.Equal(MailProblem.TooManyContacts, refused.Problem);
    }

    private static Contact Person(string name, string address) => new("", name, [address]);
}
