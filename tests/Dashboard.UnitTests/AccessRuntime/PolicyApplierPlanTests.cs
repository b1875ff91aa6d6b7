using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;

namespace Dashboard.UnitTests.AccessRuntime;

public class PolicyApplierPlanTests
{
    [Fact]
    public void Plan_OfConsecutiveNotifications_InvalidatesEachAndReachesTheLast()
    {
        var plan = PolicyApplier.Plan([Notified(6, PolicyChange.ForDevices("CAM-1")), Notified(7, PolicyChange.KillSwitchesChanged)], applied: 5);

        plan.Resync.ShouldBeNull();
        plan.Changes.Count.ShouldBe(2);
        plan.Revision.ShouldBe(7);
    }

    [Fact]
    public void Plan_WhenARevisionIsSkipped_Resynchronizes()
    {
        // Revision 6 was committed without a notification: its invalidation is unknown.
        var plan = PolicyApplier.Plan([Notified(7, PolicyChange.ForDevices("CAM-1"))], applied: 5);

        plan.Resync.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_OfALateNotificationAlreadyCounted_StillInvalidatesWithoutResync()
    {
        var plan = PolicyApplier.Plan([Notified(4, PolicyChange.ForDevices("CAM-1"))], applied: 5);

        plan.Resync.ShouldBeNull();
        plan.Changes.ShouldHaveSingleItem();
        plan.Revision.ShouldBe(5);
    }

    [Fact]
    public void Plan_OfAnUnreadablePayload_Resynchronizes()
    {
        var plan = PolicyApplier.Plan([new PolicyWork.Notified(0, "{garbage")], applied: 5);

        plan.Resync.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_OfAChangeOfEverything_Resynchronizes()
    {
        var plan = PolicyApplier.Plan([Notified(6, PolicyChange.Everything)], applied: 5);

        plan.Resync.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_OfACatchUpAheadOfWhatTheBatchReaches_Resynchronizes()
    {
        PolicyApplier.Plan([new PolicyWork.CatchUp(0, 9), Notified(6, PolicyChange.ForDevices("A"))], applied: 5)
            .Resync.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_OfACatchUpAlreadyReached_DoesNothingMore()
    {
        var plan = PolicyApplier.Plan([Notified(6, PolicyChange.ForDevices("A")), new PolicyWork.CatchUp(0, 6)], applied: 5);

        plan.Resync.ShouldBeNull();
        plan.Revision.ShouldBe(6);
    }

    [Fact]
    public void Plan_OfACatchUpReachedLaterInTheSameBatch_DoesNotResynchronize()
    {
        PolicyApplier.Plan([new PolicyWork.CatchUp(0, 6), Notified(6, PolicyChange.ForDevices("A"))], applied: 5)
            .Resync.ShouldBeNull();
    }

    [Fact]
    public void Plan_OfAResyncRequest_Resynchronizes()
    {
        PolicyApplier.Plan([new PolicyWork.Resync(0, "feed connected", 1)], applied: 5).Resync.ShouldBe("feed connected");
    }

    private static PolicyWork.Notified Notified(long revision, PolicyChange change) =>
        new(0, PolicyChangeMessage.Serialize(revision, change));
}
