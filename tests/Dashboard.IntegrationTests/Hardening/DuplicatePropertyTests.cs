using System.Net.Http.Headers;
using System.Text;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.IntegrationTests.KillSwitches;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>
/// The two requests that motivated refusing repeated properties (docs/decisions/0025): a proxy reading the first
/// value would see another request than an app reading the last.
/// </summary>
public sealed class DuplicateAccountCheckTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Check_WithTwoAccounts_Answers400NamingAccount_AndIsNeitherDecidedNorCounted()
    {
        var bridge = await app.World.AddIntegrationAsync();
        var alice = await app.World.AddAccountAsync();
        var bob = await app.World.AddAccountAsync();
        var camera = await app.World.AddDeviceAsync(alice, bridge);
        using var client = app.BridgeClient(bridge);

        using var response = await client.PostAsync("/api/v1/access/check", Json(
            $$"""{"account":"{{bob}}","device":"{{camera}}","action":"stream","account":"{{alice}}"}"""));

        (await response.ValidationErrorsForAsync("account")).ShouldHaveSingleItem().ShouldContain("more than once");
        // A check that is decided after it is counted: only that one reaches the counters and the signal.
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("allowed");
        await Eventually.HoldsAsync(async () => await DecisionsCountedAsync(bridge) >= 1,
            TimeSpan.FromSeconds(15), "the allowed check was never counted");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // one more flush interval: anything else pending is written too
        (await DecisionsCountedAsync(bridge)).ShouldBe(1);
        await using var db = app.CreateDbContext();
        (await db.NotOwnerDecisions.CountAsync(d => d.IntegrationId == bridge.Id)).ShouldBe(0);
    }

    private async Task<long> DecisionsCountedAsync(TestIntegration bridge)
    {
        await using var db = app.CreateDbContext();
        return await db.DecisionCounters.Where(c => c.IntegrationId == bridge.Id).SumAsync(c => c.Count);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}

public sealed class DuplicateScopeKillSwitchTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Fire_WithIntegrationTwice_Answers400NamingIt_AndFiresNothing()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);

        using var response = await admin.PostAsync(KillSwitchApi.Path, new StringContent(
            """{"scope":{"integration":"google-assistant","integration":"alexa"},"reason":"which one?"}""",
            Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

        (await response.ValidationErrorsForAsync("scope.integration")).ShouldHaveSingleItem().ShouldContain("more than once");
        (await HostileInputFingerprint.TakeAsync(app.ConnectionString)).ShouldBe(before);
        await using var db = app.CreateDbContext();
        (await db.KillSwitches.CountAsync()).ShouldBe(0);
    }
}
