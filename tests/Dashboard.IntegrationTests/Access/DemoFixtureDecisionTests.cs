using System.Net.Http.Json;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Access;

/// <summary>Every row of the contract's decision table, through HTTP, with the demo fixture and its bridge keys.</summary>
public sealed class DemoFixtureDecisionTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("dev-bridge-google-assistant", "alice", "DEMO-CAM-0001", "stream", "allow", "allowed")]
    [InlineData("dev-bridge-google-assistant", "alice", "DEMO-CAM-0002", "stream", "deny", "not_exposed")]
    [InlineData("dev-bridge-google-assistant", "alice", "DEMO-CAM-0003", "stream", "deny", "not_owner")]
    [InlineData("dev-bridge-google-assistant", "bob", "DEMO-CAM-0003", "stream", "allow", "allowed")]
    [InlineData("dev-bridge-ifttt", "alice", "DEMO-CAM-0001", "stream", "deny", "not_linked")]
    [InlineData("dev-bridge-ifttt", "bob", "DEMO-CAM-0003", "stream", "allow", "allowed")]
    [InlineData("dev-bridge-google-assistant", "alice", "NOPE-0000", "stream", "deny", "unknown_device")]
    [InlineData("dev-bridge-alexa", "alice", "DEMO-CAM-0002", "snapshot", "allow", "allowed")]
    public async Task Check_ForEachContractRow_AnswersAsTheContractSays(
        string bridgeKey, string customer, string device, string action, string decision, string reason)
    {
        var account = await DemoFixtureApp.AccountIdAsync(app, customer);
        using var client = app.CreateClient(bridgeKey);

        // Twice: the first answer comes from the database, the second from the cache; both must agree.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var answer = await client.CheckAsync(account, device, action);
            answer.Decision.ShouldBe(decision);
            answer.Reason.ShouldBe(reason);
            answer.Revision.ShouldBeGreaterThanOrEqualTo(0);
            answer.DecisionId.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task VisibleDevices_ForAliceOnAlexa_ListsBothExposedCamerasWithEveryAction()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var client = app.CreateClient("dev-bridge-alexa");

        using var response = await client.PostAsJsonAsync("/api/v1/access/visible-devices", new { account = alice });
        var body = await response.Content.ReadFromJsonAsync<VisibleDevicesAnswer>();

        body!.Devices.Select(d => d.Serial).ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002"]);
        body.Devices.ShouldAllBe(d => d.Actions.SequenceEqual(new[] { "stream", "snapshot", "events", "control" }));
    }

    [Fact]
    public async Task VisibleDevices_ForCarolOnIfttt_IsEmpty()
    {
        var carol = await DemoFixtureApp.AccountIdAsync(app, "carol");
        using var client = app.CreateClient("dev-bridge-ifttt");

        using var response = await client.PostAsJsonAsync("/api/v1/access/visible-devices", new { account = carol });
        var body = await response.Content.ReadFromJsonAsync<VisibleDevicesAnswer>();

        body!.Devices.ShouldBeEmpty();
    }
}

/// <summary>The contract's kill switch example: assistants' streams stop, snapshots and automations go on.</summary>
public sealed class DemoFixtureKillSwitchTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Check_AfterAnAssistantStreamSwitchPropagated_DeniesAssistantStreamsOnly()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var google = app.CreateClient("dev-bridge-google-assistant");
        using var alexa = app.CreateClient("dev-bridge-alexa");
        using var ifttt = app.CreateClient("dev-bridge-ifttt");
        (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("allowed");   // cached before the switch

        var world = new AccessWorld(app.CreateDbContext, () => Task.CompletedTask);
        var revision = await world.ChangeAsync(PolicyChange.KillSwitchesChanged, db =>
        {
            db.KillSwitches.Add(new KillSwitch
            {
                Id = Guid.NewGuid(),
                Scope = new KillSwitchScope { IntegrationKind = "assistant", Actions = ["stream"] },
                Reason = "strangers' cameras on a hub",
                ActivatedBy = "test",
                ActivatedAt = DateTime.UtcNow,
            });
            return Task.CompletedTask;
        });
        var proof = await app.Services.GetRequiredService<PropagationWaiter>().WaitAsync(revision);
        proof.IsComplete.ShouldBeTrue();

        (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("kill_switch");
        (await alexa.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("kill_switch");
        (await alexa.CheckAsync(alice, "DEMO-CAM-0002", "snapshot")).Reason.ShouldBe("allowed");
        (await ifttt.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");
        // Ownership is checked first: a cross-tenant request stays not_owner whatever is switched off.
        (await google.CheckAsync(alice, "DEMO-CAM-0003")).Reason.ShouldBe("not_owner");
    }
}

internal sealed record VisibleDevicesAnswer(long Revision, IReadOnlyList<VisibleDeviceAnswer> Devices);

internal sealed record VisibleDeviceAnswer(string Serial, IReadOnlyList<string> Actions);

internal static class DemoFixtureApp
{
    public static async Task WaitUntilReadyAsync(DashboardAppFactory app)
    {
        using var client = app.CreateClient();
        await Eventually.HoldsAsync(
            async () => (await client.GetAsync("/readyz")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30),
            "the app never became ready");
    }

    public static async Task<Guid> AccountIdAsync(DashboardAppFactory app, string customer)
    {
        await using var db = app.CreateDbContext();
        return await db.Accounts.Where(a => a.Email == customer + "@demo.test").Select(a => a.Id).SingleAsync();
    }
}
