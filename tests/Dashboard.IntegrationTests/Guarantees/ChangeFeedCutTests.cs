using System.Net;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Integrations;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// Instance B loses its change feed (its LISTEN session is ended from the server side, again at every reconnection)
/// while changes are made: B hears nothing of them, so it must stop answering from its cache, answer from the database
/// (or not at all) and say it is not ready; once the feed is back it recovers by itself. A keeps its feed throughout.
/// </summary>
[Collection(GuaranteesCollection.Name)]
public sealed class ChangeFeedCutTests(SharedClusterInstances shared, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = new AccessOptions().LeaseDuration;
    private readonly TwoInstances _instances = shared.Instances;

    public async Task InitializeAsync()
    {
        await _instances.A.WaitUntilReadyAsync(TimeSpan.FromSeconds(20));
        await _instances.B.WaitUntilReadyAsync(TimeSpan.FromSeconds(20));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FeedOfBCut_KillSwitchFiredOnA_NoInstanceAllowsAfterThe201_ReadyzOfBDropsThenRecovers()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, bridge);
        CheckProbe stream = new("stream", bridge.BridgeKey, alice, camera);
        CheckProbe snapshot = new("snapshot", bridge.BridgeKey, alice, camera, "snapshot");
        using var admin = _instances.A.CreateClient("dev-admin-token");
        using var secondAdmin = _instances.B.CreateClient("dev-admin2-token");
        await using var run = await GuaranteeRun.StartAsync(_instances.Both, [stream, snapshot]);
        await using var readiness = ReadinessMonitor.Start(_instances.B);

        FiredSwitch? fired = null;
        var approved = false;
        try
        {
            var cutAt = Moment.Now();
            await using var cutter = FeedCutter.Start(_instances, _instances.B);
            await readiness.WaitForAsync(HttpStatusCode.ServiceUnavailable, cutAt, TimeSpan.FromSeconds(5));
            var firedAt = await run.ChangeAsync(async () => fired = await admin.FireKillSwitchAsync(new { integration = bridge.Key, actions = new[] { "stream" } }));
            await run.KeepCheckingAfterAsync(firedAt, minimum: GuaranteeRun.MinimumCheckingAfter);
            (await _instances.B.IsReadyAsync()).ShouldBeFalse("B is ready while its feed is down");

            await cutter.StopAsync();
            var restoredAt = Moment.Now();
            var readyAgain = await readiness.WaitForAsync(HttpStatusCode.OK, restoredAt, TimeSpan.FromSeconds(15));
            (await _instances.FeedBackendPidAsync(_instances.B)).ShouldNotBeNull("B listens again");
            await run.KeepCheckingAfterAsync(readyAgain, minimum: GuaranteeRun.MinimumCheckingAfter);

            await admin.RequestLiftAsync(fired!.Id);
            var approving = Moment.Now();
            var approvedAt = await run.ChangeAsync(async () => approved = await secondAdmin.ApproveLiftAsync(fired.Id));
            var samples = await run.StopAfterAsync(approvedAt);
            output.WriteLine($"feed of B cut {cutter.Cuts} time(s); fire: {fired.Propagation}; B ready again {Moment.Milliseconds(restoredAt, readyAgain):0} ms after the cutting stopped");
            output.WriteLine(samples.Summarize(("201", firedAt), ("cutting stopped", restoredAt), ("B ready", readyAgain), ("approve 200", approvedAt)));

            cutter.Cuts.ShouldBeGreaterThan(0);
            var whileActive = samples.Of(stream).SentAfter(firedAt).ReceivedBefore(approving).ToList();
            whileActive.ShouldNeverAllow(run.Origin, "stream checks sent after the 201");
            whileActive.ShouldAllBeDenied("kill_switch", run.Origin);
            samples.Of(stream).SentAfter(approvedAt).ShouldAllBeAllowed(run.Origin);
            samples.Of(snapshot).SentAfter(run.WarmedUp).ShouldAllBeAllowed(run.Origin);
        }
        finally
        {
            if (fired is not null && !approved)
            {
                await KillSwitchApi.LiftQuietlyAsync(admin, secondAdmin, fired.Id);
            }
        }
    }

    [Fact]
    public async Task FeedOfBCut_ChangeNobodyIsNotifiedOf_BNeverAllowsFromCacheBeyondItsLease()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync(IntegrationKind.Automation);
        var alice = await world.AddAccountAsync();
        var hidden = await world.AddDeviceAsync(alice, bridge);
        var shown = await world.AddDeviceAsync(alice, bridge);
        CheckProbe affected = new("hidden camera", bridge.BridgeKey, alice, hidden);
        CheckProbe unaffected = new("other camera", bridge.BridgeKey, alice, shown);
        await using var run = await GuaranteeRun.StartAsync([_instances.B], [affected, unaffected]);
        await using var readiness = ReadinessMonitor.Start(_instances.B);

        var cutAt = Moment.Now();
        await using var cutter = FeedCutter.Start(_instances, _instances.B);
        await readiness.WaitForAsync(HttpStatusCode.ServiceUnavailable, cutAt, TimeSpan.FromSeconds(5));
        // Committed without a notification (as a lost NOTIFY): B could only learn of it from the database.
        var committedAt = await run.ChangeAsync(() => world.ChangeWithoutNotifyingAsync(db => world.RemoveExposureAsync(db, hidden)));
        await run.KeepCheckingAfterAsync(committedAt, minimum: Lease + GuaranteeRun.MinimumCheckingAfter);
        await cutter.StopAsync();
        var samples = await run.StopAfterAsync(Moment.Now());
        var firstDeny = samples.Of(affected).Where(s => s.SentAt > committedAt && s.Decision == "deny").Min(s => (long?)s.ReceivedAt);
        output.WriteLine($"feed of B cut {cutter.Cuts} time(s); first deny {(firstDeny is { } d ? $"{Moment.Milliseconds(committedAt, d):0} ms" : "never")} after the commit");
        output.WriteLine(samples.Summarize(("commit", committedAt), ("lease after commit", Moment.After(committedAt, Lease))));

        samples.Of(affected).SentAfter(Moment.After(committedAt, Lease)).ShouldNeverAllow(run.Origin, "checks on B sent a lease after the commit");
        samples.Of(affected).SentAfter(Moment.After(committedAt, Lease)).ShouldAllBeDenied("not_exposed", run.Origin);
        samples.Of(unaffected).SentAfter(run.WarmedUp).ShouldAllBeAllowed(run.Origin);
    }
}
