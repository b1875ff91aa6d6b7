using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>Two changes of one device at the same moment: exactly one wins, the other is a 409 that wrote nothing.</summary>
public sealed class OwnershipConcurrencyTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private const int Rounds = 8;

    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoParallelTransfers_OfOneDevice_OneIs200TheOther409_OneLedgerEvent_AuditChainVerifies()
    {
        var world = app.World();
        var integration = await world.AddIntegrationAsync();
        using var bridge = app.CreateClient(integration.BridgeKey);
        using var first = app.CreateClient(OwnershipApi.SupportToken);
        using var second = app.CreateClient("dev-admin-token");

        // Several rounds, so the two requests really overlap in the database in some of them (both past the
        // version check, one waiting on the other's row lock) and not only one after the other.
        for (var round = 0; round < Rounds; round++)
        {
            var owner = await world.AddAccountAsync();
            var toB = await world.AddAccountAsync();
            var toC = await world.AddAccountAsync();
            var serial = await world.AddDeviceAsync(owner, integration);
            var version = await OwnershipApi.OwnershipVersionAsync(app, serial);

            var responses = await Task.WhenAll(
                first.TransferAsync(serial, new { toAccount = toB, reason = "to B", expectedOwnershipVersion = version }),
                second.TransferAsync(serial, new { toAccount = toC, reason = "to C", expectedOwnershipVersion = version }));

            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
            statuses.ShouldBe([200, 409], $"round {round}");
            var loser = responses.Single(r => (int)r.StatusCode == 409);
            (await loser.ProblemAsync(409))["detail"].Text().ShouldContain(serial);
            var winner = await responses.Single(r => (int)r.StatusCode == 200).JsonAsync();
            var newOwner = winner["owner"]!["id"].Text();

            (await OwnershipApi.LedgerCountAsync(app, serial)).ShouldBe(1);
            (await OwnershipApi.OwnershipVersionAsync(app, serial)).ShouldBe(version + 1);
            (await OwnershipApi.AuditAsync(app, "device", serial)).Count.ShouldBe(1);
            var history = await first.HistoryAsync(serial);
            history.Single()!["to"]!["id"].Text().ShouldBe(newOwner);
            (await bridge.CheckAsync(owner, serial)).Reason.ShouldBe("not_owner");
        }

        var verification = await OwnershipApi.VerifyAuditAsync(app);
        verification.Ok.ShouldBeTrue(verification.FirstBadEntry?.ToString());
    }

    [Fact]
    public async Task ParallelClaims_OfOneUnownedDevice_WithoutAnExpectedVersion_ExactlyOneWins()
    {
        var world = app.World();
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        var serial = await world.AddDeviceAsync(owner: null);
        var claimants = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            claimants.Add(await world.AddAccountAsync());
        }

        // A claim never applies to an owned device, so however the four interleave only one can succeed.
        var responses = await Task.WhenAll(claimants.Select(a => support.ClaimAsync(serial, new { account = a, reason = "race" })));

        responses.Count(r => (int)r.StatusCode == 200).ShouldBe(1);
        responses.Count(r => (int)r.StatusCode == 409).ShouldBe(3);
        (await OwnershipApi.LedgerCountAsync(app, serial)).ShouldBe(1);
        (await OwnershipApi.VerifyAuditAsync(app)).Ok.ShouldBeTrue();
    }
}
