using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.KillSwitches;

public sealed class DenyingKillSwitchTests
{
    private static KillSwitch Switch(bool liftRequested, bool liftApproved)
    {
        var at = new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        return new KillSwitch
        {
            Id = Guid.NewGuid(),
            Scope = new KillSwitchScope { AllIntegrations = true },
            Reason = "test",
            ActivatedBy = "admin",
            ActivatedAt = at,
            LiftRequestedAt = liftRequested ? at.AddHours(1) : null,
            LiftApprovedAt = liftApproved ? at.AddHours(2) : null,
        };
    }

    [Fact]
    public void From_KeepsActiveAndPendingLiftSwitchesAndDropsLiftedOnes()
    {
        var active = Switch(liftRequested: false, liftApproved: false);
        var pending = Switch(liftRequested: true, liftApproved: false);
        var lifted = Switch(liftRequested: true, liftApproved: true);

        DenyingKillSwitch.From([active, pending, lifted]).Select(s => s.Id).ShouldBe([active.Id, pending.Id]);
    }

    [Fact]
    public void From_CarriesTheScope()
    {
        var active = Switch(liftRequested: false, liftApproved: false);

        DenyingKillSwitch.From([active]).ShouldHaveSingleItem().Scope.ShouldBeSameAs(active.Scope);
    }
}
