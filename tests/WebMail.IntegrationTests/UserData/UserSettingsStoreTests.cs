using Microsoft.EntityFrameworkCore;
using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.IntegrationTests.UserData;

/// <summary>The settings store on a real SQLite file and a real PostgreSQL (scripts/postgres.sh), issue 19.</summary>
public sealed class UserSettingsStoreTests
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static readonly UserSettings Zhang = new()
    {
        DisplayName = "张伟",
        Signatures = [new Signature("a1", "学生", "张伟\n计算机学院 2023 级"), new Signature("b2", "English", "Zhang Wei\nSchool of CS")],
        DefaultSignatureId = "a1",
        SignatureOnReplies = false,
        Language = "zh-CN",
    };

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Save_ThenFind_GivesBackWhatWasSaved(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.SettingsStore();

        await store.SaveAsync("2023001@school.test", Zhang, _timeout);
        var found = await store.FindAsync("2023001@school.test", _timeout);

        Assert.NotNull(found);
        Assert.Equal("张伟", found.DisplayName);
        Assert.Equal(Zhang.Signatures, found.Signatures);
        Assert.Equal("计算机学院 2023 级", found.DefaultSignature!.Text.Split('\n')[1]);
        Assert.False(found.SignatureOnReplies);
        Assert.Equal("zh-CN", found.Language);
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Find_SomeoneWhoNeverSaved_IsNull(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);

        Assert.Null(await stores.SettingsStore().FindAsync("nobody@school.test", _timeout));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Save_Again_KeepsTheLatest_WhateverTheCaseOfTheAddress(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.SettingsStore();

        await store.SaveAsync("Li.Na@School.test", Zhang, _timeout);
        await store.SaveAsync("li.na@school.test", Zhang with { DisplayName = "李娜" }, _timeout);

        Assert.Equal("李娜", (await store.FindAsync("LI.NA@SCHOOL.TEST", _timeout))!.DisplayName);
        await using var database = await stores.Factory.CreateDbContextAsync(_timeout);
        Assert.Equal(1, await database.Settings.CountAsync(_timeout));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Delete_ForgetsThatUserOnly(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);
        var store = stores.SettingsStore();
        await store.SaveAsync("a@school.test", Zhang, _timeout);
        await store.SaveAsync("b@school.test", Zhang with { DisplayName = "B" }, _timeout);

        Assert.True(await store.DeleteAsync("a@school.test", _timeout));

        Assert.Null(await store.FindAsync("a@school.test", _timeout));
        Assert.Equal("B", (await store.FindAsync("b@school.test", _timeout))!.DisplayName);
        Assert.False(await store.DeleteAsync("a@school.test", _timeout));
    }

    [Theory]
    [MemberData(nameof(UserDataStores.Kinds), MemberType = typeof(UserDataStores))]
    public async Task Schema_FreshDatabase_MigratesToTheModel_AndMigratingAgainChangesNothing(string kind)
    {
        await using var stores = await UserDataStores.NewAsync(kind, _timeout);

        await stores.Schema.EnsureCurrentAsync(_timeout);
        await using var database = await stores.Factory.CreateDbContextAsync(_timeout);
        await database.Database.MigrateAsync(_timeout); // a second instance starting

        Assert.False(database.Database.HasPendingModelChanges()); // the hand-written migrations match the model
        Assert.Equal(["20261202000000_UserSettings", "20261202010000_ScheduledMessages", "20261202020000_KeptDrafts", "20261202030000_ScheduledDraftCopy", "20261203000000_Contacts"], await database.Database.GetAppliedMigrationsAsync(_timeout));
    }

    [Fact]
    public async Task Find_PostgreSqlNotListening_SaysSettingsUnavailable()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // a port nothing listens on
        var options = new DbContextOptionsBuilder<UserDataContext>()
            .UseNpgsql($"Host=127.0.0.1;Port={port};Database=webmail;Username=webmail;Password=x;Timeout=3").Options;
        var factory = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<UserDataContext>(options);
        var schema = new UserDataSchema(factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<UserDataSchema>.Instance);
        var store = new UserSettingsStore(new UserDataCalls(factory, schema), TimeProvider.System);

        var problem = await Assert.ThrowsAsync<MailOperationException>(() => store.FindAsync("a@school.test", _timeout));

        Assert.Equal(MailProblem.SettingsUnavailable, problem.Problem);
    }
}
