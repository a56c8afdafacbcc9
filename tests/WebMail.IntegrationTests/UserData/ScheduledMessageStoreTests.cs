using WebMail.Server.UserData;

namespace WebMail.IntegrationTests.UserData;

/// <summary>Scheduled messages on a real SQLite file and a real PostgreSQL: each due message is claimed by one instance (issue 19).</summary>
public sealed class ScheduledMessageStoreTests
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task ClaimDue_TwoInstancesAskingAtOnce_EachDueMessageGoesToExactlyOne(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var (first, second) = (stores.ScheduledStore(), stores.ScheduledStore());
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 12; i++)
        {
            await first.AddAsync(Row($"due{i}", now.AddMinutes(-1)), _timeout);
        }

        await first.AddAsync(Row("later", now.AddHours(1)), _timeout);

        var claims = await Task.WhenAll(
            Task.Run(() => first.ClaimDueAsync(now, 20, _timeout)),
            Task.Run(() => second.ClaimDueAsync(now, 20, _timeout)));

        var ids = claims.SelectMany(c => c.Select(r => r.Id)).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Equal(12, ids.Distinct().Count());
        Assert.DoesNotContain("later", ids);
        Assert.Empty(await first.ClaimDueAsync(now, 20, _timeout)); // claimed ones are not claimed again
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task TakeBack_WaitingYes_BeingSentNo_FailedYes_OnlyByItsUser(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.ScheduledStore();
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync(Row("waiting", now.AddHours(1)), _timeout);
        await store.AddAsync(Row("sending", now.AddMinutes(-1)), _timeout);
        await store.ClaimDueAsync(now, 20, _timeout);

        Assert.Null(await store.TakeBackAsync("someone.else@school.test", "waiting", _timeout));
        Assert.NotNull(await store.TakeBackAsync("Zhang@School.test", "waiting", _timeout));
        Assert.Null(await store.TakeBackAsync("zhang@school.test", "sending", _timeout));

        await store.MarkFailedAsync("sending", "RecipientRefused", cancellationToken: _timeout);
        Assert.Equal(1, await store.FailedCountAsync("zhang@school.test", _timeout));
        var failed = await store.TakeBackAsync("zhang@school.test", "sending", _timeout);
        Assert.Equal("RecipientRefused", failed?.Problem);
        Assert.Empty(await store.ForUserAsync("zhang@school.test", _timeout));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task StaleClaims_OnlyThoseClaimedLongAgoAndNotFailed(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.ScheduledStore();
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync(Row("a", now.AddMinutes(-1)), _timeout);
        await store.ClaimDueAsync(now, 20, _timeout);

        Assert.Empty(await store.StaleClaimsAsync(now.AddMinutes(-10), _timeout));
        Assert.Equal(["a"], (await store.StaleClaimsAsync(now.AddMinutes(1), _timeout)).Select(r => r.Id));
        await store.MarkFailedAsync("a", "Timeout", cancellationToken: _timeout);
        Assert.Empty(await store.StaleClaimsAsync(now.AddMinutes(1), _timeout));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Forget_RemovesWaitingAndFailed_NotTheOneBeingSent_NorOtherUsers(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.ScheduledStore();
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync(Row("sending", now.AddMinutes(-1)), _timeout);
        await store.ClaimDueAsync(now, 20, _timeout);
        await store.AddAsync(Row("waiting", now.AddHours(1)), _timeout);
        await store.AddAsync(new ScheduledMessageRow { Id = "theirs", UserAddress = "li@school.test", SendAt = now.AddHours(1).ToUnixTimeMilliseconds(), Sealed = [1] }, _timeout);

        await store.ForgetAsync("zhang@school.test", _timeout);

        Assert.Equal(["sending"], (await store.ForUserAsync("zhang@school.test", _timeout)).Select(r => r.Id));
        Assert.Single(await store.ForUserAsync("li@school.test", _timeout));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task KeptDraft_SavedTwiceFoundDeleted(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var drafts = new KeptDraftStore(new UserDataCalls(stores.Factory, stores.Schema), TimeProvider.System);

        await drafts.SaveAsync("Zhang@school.test", [1, 2], _timeout);
        await drafts.SaveAsync("zhang@school.test", [3, 4, 5], _timeout);

        Assert.Equal([3, 4, 5], await drafts.FindAsync("ZHANG@school.test", _timeout));
        await drafts.DeleteAsync("zhang@school.test", _timeout);
        Assert.Null(await drafts.FindAsync("zhang@school.test", _timeout));
    }

    private static ScheduledMessageRow Row(string id, DateTimeOffset sendAt) => new()
    {
        Id = id,
        UserAddress = "zhang@school.test",
        SendAt = sendAt.ToUnixTimeMilliseconds(),
        Sealed = [1, 2, 3],
    };
}
