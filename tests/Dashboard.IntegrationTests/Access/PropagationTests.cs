using Dashboard.Core.Access.Propagation;
using Dashboard.Core.KillSwitches;
using System.Net.Http.Json;

namespace Dashboard.IntegrationTests.Access;

public sealed class PropagationTests(PropagationTests.Factory app) : IClassFixture<PropagationTests.Factory>, IAsyncLifetime
{
    public sealed class Factory : AccessAppFactory
    {
        protected override IReadOnlyDictionary<string, string> AccessSettings => new Dictionary<string, string>
        {
            ["Access:HeartbeatInterval"] = "00:00:00.250",
        };
    }

    public Task InitializeAsync() => app.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Check_RightAfterANotifiedChangeHasPropagated_SeesTheChange()
    {
        var world = app.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, bridge);
        using var client = app.BridgeClient(bridge);
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("allowed");
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("allowed");   // now answered from the cache

        var revision = await world.ChangeAsync(PolicyChange.ForDevices(camera), db => world.RemoveExposureAsync(db, camera));
        var proof = await app.Service<PropagationWaiter>().WaitAsync(revision);

        proof.IsComplete.ShouldBeTrue();
        proof.Confirmed.ShouldBeGreaterThanOrEqualTo(1);
        var answer = await client.CheckAsync(alice, camera);
        answer.Reason.ShouldBe("not_exposed");
        answer.Revision.ShouldBeGreaterThanOrEqualTo(revision);
    }

    [Fact]
    public async Task Check_RightAfterAKillSwitchHasPropagated_IsDenied()
    {
        var world = app.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, bridge);
        using var client = app.BridgeClient(bridge);
        (await client.CheckAsync(alice, camera, "snapshot")).Reason.ShouldBe("allowed");

        var revision = await world.ChangeAsync(PolicyChange.KillSwitchesChanged, db =>
        {
            db.KillSwitches.Add(new KillSwitch
            {
                Id = Guid.NewGuid(),
                Scope = new KillSwitchScope { Integration = bridge.Key, Actions = ["snapshot"] },
                Reason = "test",
                ActivatedBy = "test",
                ActivatedAt = DateTime.UtcNow,
            });
            return Task.CompletedTask;
        });
        await app.Service<PropagationWaiter>().WaitAsync(revision);

        (await client.CheckAsync(alice, camera, "snapshot")).Reason.ShouldBe("kill_switch");
        (await client.CheckAsync(alice, camera, "stream")).Reason.ShouldBe("allowed");
    }

    [Fact]
    public async Task Check_AfterAChangeCommittedWithoutNotification_SeesItWithinAboutOneHeartbeat()
    {
        var world = app.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, bridge);
        using var client = app.BridgeClient(bridge);
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("allowed");

        var committed = DateTime.UtcNow;
        await world.ChangeWithoutNotifyingAsync(db => world.RemoveExposureAsync(db, camera));

        var took = await Eventually.HoldsAsync(
            async () => (await client.CheckAsync(alice, camera)).Reason == "not_exposed",
            TimeSpan.FromSeconds(5),
            "the lost notification was never caught up");
        // Two beats at most (the first sees the database ahead, the next resynchronizes), plus slack for a busy machine.
        took.ShouldBeLessThan(TimeSpan.FromSeconds(1.5));
        app.AnswersFromMemory.ShouldBeTrue();
    }

    [Fact]
    public async Task VisibleDevices_ListsExactlyWhatChecksAllow()
    {
        var world = app.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var exposed = await world.AddDeviceAsync(alice, bridge);
        await world.AddDeviceAsync(alice);   // owned, not exposed
        using var client = app.BridgeClient(bridge);

        using var response = await client.PostAsJsonAsync("/api/v1/access/visible-devices", new { account = alice });
        var body = await response.Content.ReadFromJsonAsync<VisibleDevicesAnswer>();

        body!.Devices.Select(d => d.Serial).ShouldBe([exposed]);
        body.Devices[0].Actions.ShouldBe(["stream", "snapshot", "events", "control"]);
        body.Revision.ShouldBeGreaterThan(0);
    }
}
