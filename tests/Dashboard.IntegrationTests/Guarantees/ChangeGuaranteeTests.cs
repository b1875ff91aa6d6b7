using Dashboard.Core.Integrations;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// The timing rule for changes other than kill switches, with two instances under continuous checks: once the change
/// has returned, no instance allows what it denies (and one that allows is seen at once). Each test arranges rows of
/// its own, and makes the change through the real API on one instance: the bridge's link events (exposures, unlink)
/// or the staff API (ownership, account lock).
/// </summary>
[Collection(GuaranteesCollection.Name)]
public sealed class ChangeGuaranteeTests(SharedClusterInstances shared, ITestOutputHelper output)
{
    private readonly TwoInstances _instances = shared.Instances;

    [Fact]
    public async Task ExposureOff_ThroughTheLinkApiOnA_AfterIts201_NoInstanceAllowsThatDevice_OthersStillAllowed()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var hidden = await world.AddDeviceAsync(alice, bridge);
        var stillShown = await world.AddDeviceAsync(alice, bridge);

        using var bridgeOnA = _instances.A.CreateClient(bridge.BridgeKey);

        await ChangeDeniesAsync(
            affected: new CheckProbe("hidden camera", bridge.BridgeKey, alice, hidden), reason: "not_exposed",
            unaffected: new CheckProbe("other camera", bridge.BridgeKey, alice, stillShown),
            change: () => bridgeOnA.ReportLinkAsync(alice, stillShown));
    }

    [Fact]
    public async Task Unlink_ThroughTheLinkApiOnB_AfterIts204_NoInstanceAllowsThatIntegration_OtherIntegrationStillAllowed()
    {
        var world = _instances.World;
        var unlinked = await world.AddIntegrationAsync();
        var other = await world.AddIntegrationAsync(IntegrationKind.Automation);
        var alice = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, unlinked, other);

        using var bridgeOnB = _instances.B.CreateClient(unlinked.BridgeKey);

        await ChangeDeniesAsync(
            affected: new CheckProbe("unlinked integration", unlinked.BridgeKey, alice, camera), reason: "not_linked",
            unaffected: new CheckProbe("other integration", other.BridgeKey, alice, camera),
            change: () => bridgeOnB.ReportUnlinkAsync(alice));
    }

    [Fact]
    public async Task Transfer_ThroughTheApiOnA_AfterIts200_NoInstanceAllowsTheOldOwner_TheirOtherCameraStillAllowed()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var bob = await world.AddAccountAsync();
        var sold = await world.AddDeviceAsync(alice, bridge);
        var kept = await world.AddDeviceAsync(alice, bridge);
        using var support = _instances.A.CreateClient(StaffApi.SupportToken);

        await ChangeDeniesAsync(
            affected: new CheckProbe("transferred camera", bridge.BridgeKey, alice, sold), reason: "not_owner",
            unaffected: new CheckProbe("kept camera", bridge.BridgeKey, alice, kept),
            change: () => support.TransferAsync(sold, bob));
    }

    [Fact]
    public async Task Release_ThroughTheApiOnB_AfterIts200_NoInstanceAllowsTheOldOwner()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var released = await world.AddDeviceAsync(alice, bridge);
        var kept = await world.AddDeviceAsync(alice, bridge);
        using var support = _instances.B.CreateClient(StaffApi.SupportToken);

        await ChangeDeniesAsync(
            affected: new CheckProbe("released camera", bridge.BridgeKey, alice, released), reason: "not_owner",
            unaffected: new CheckProbe("kept camera", bridge.BridgeKey, alice, kept),
            change: () => support.ReleaseAsync(released));
    }

    [Fact]
    public async Task Lock_ThroughTheApiOnA_AfterIts200_NoInstanceAllowsTheAccount_OtherAccountStillAllowed()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var carol = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, bridge);
        var carolsCamera = await world.AddDeviceAsync(carol, bridge);
        using var support = _instances.A.CreateClient(StaffApi.SupportToken);

        await ChangeDeniesAsync(
            affected: new CheckProbe("locked account", bridge.BridgeKey, alice, camera), reason: "account_locked",
            unaffected: new CheckProbe("other account", bridge.BridgeKey, carol, carolsCamera),
            change: () => support.LockAsync(alice));
    }

    [Fact]
    public async Task Unlock_ThroughTheApiOnB_AfterIts200_EveryInstanceAllowsAtOnce()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var carol = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, bridge);
        var carolsCamera = await world.AddDeviceAsync(carol, bridge);
        using var support = _instances.B.CreateClient(StaffApi.SupportToken);
        await support.LockAsync(alice);

        await ChangeAllowsAsync(
            affected: new CheckProbe("unlocked account", bridge.BridgeKey, alice, camera), deniedBefore: "account_locked",
            unaffected: new CheckProbe("other account", bridge.BridgeKey, carol, carolsCamera),
            change: () => support.UnlockAsync(alice));
    }

    [Fact]
    public async Task ExposureOn_ThroughTheLinkApiOnA_AfterIts201_EveryInstanceAllowsAtOnce()
    {
        var world = _instances.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var shown = await world.AddDeviceAsync(alice, bridge);
        var camera = await world.AddDeviceAsync(alice);   // owned, linked integration, not exposed

        using var bridgeOnA = _instances.A.CreateClient(bridge.BridgeKey);

        await ChangeAllowsAsync(
            affected: new CheckProbe("newly shown camera", bridge.BridgeKey, alice, camera), deniedBefore: "not_exposed",
            unaffected: new CheckProbe("already shown camera", bridge.BridgeKey, alice, shown),
            change: () => bridgeOnA.ReportLinkAsync(alice, shown, camera));
    }

    /// <summary>
    /// The scenario for a change that denies: both probes allowed on both instances, the change, then every check of
    /// <paramref name="affected"/> sent after it returned is denied with <paramref name="reason"/> on both, and
    /// <paramref name="unaffected"/> is allowed throughout.
    /// </summary>
    private async Task ChangeDeniesAsync(CheckProbe affected, string reason, CheckProbe unaffected, Func<Task> change)
    {
        await using var run = await GuaranteeRun.StartAsync(_instances.Both, [affected, unaffected]);
        var changed = await run.ChangeAsync(change);
        var samples = await run.StopAfterAsync(changed);
        output.WriteLine(samples.Summarize(("change returned", changed)));

        samples.Of(affected).SentAfter(changed).ShouldNeverAllow(run.Origin, "checks sent after the change returned");
        samples.Of(affected).SentAfter(changed).ShouldAllBeDenied(reason, run.Origin);
        samples.Of(unaffected).SentAfter(run.WarmedUp).ShouldAllBeAllowed(run.Origin);
    }

    /// <summary>The scenario for a change that allows: from the moment it returned, the first check on each instance allows.</summary>
    private async Task ChangeAllowsAsync(CheckProbe affected, string deniedBefore, CheckProbe unaffected, Func<Task> change)
    {
        await using var run = await GuaranteeRun.StartAsync(_instances.Both, [affected, unaffected], deniedAtStart: [affected]);
        await run.KeepCheckingAfterAsync(run.WarmedUp);
        var started = Moment.Now();
        var changed = await run.ChangeAsync(change);
        var samples = await run.StopAfterAsync(changed);
        output.WriteLine(samples.Summarize(("change sent", started), ("change returned", changed)));

        samples.Of(affected).SentAfter(run.WarmedUp).ReceivedBefore(started).ShouldAllBeDenied(deniedBefore, run.Origin);
        samples.Of(affected).SentAfter(changed).ShouldAllBeAllowed(run.Origin);
        samples.Of(unaffected).SentAfter(run.WarmedUp).ShouldAllBeAllowed(run.Origin);
    }
}
