using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access;

public sealed class DecisionEngineTests
{
    private static readonly KillSwitchScope AssistantStreams = new() { IntegrationKind = "assistant", Actions = ["stream"] };

    private static DecisionReason Reason(AccessFacts facts, AccessActions action = AccessActions.Stream) =>
        DecisionEngine.Decide(Given.Request(action), facts).Reason;

    [Fact]
    public void Decide_WhenEveryCheckPasses_AllowsAtTheFactsRevision()
    {
        var decision = DecisionEngine.Decide(Given.Request(), Given.Facts);

        decision.ShouldBe(AccessDecision.Allow(Given.Revision));
        decision.Decision.ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Decide_WhenDenied_ReportsTheFactsRevision() =>
        DecisionEngine.Decide(Given.Request(), Given.Facts with { Account = null, Revision = 7 })
            .ShouldBe(AccessDecision.Deny(DecisionReason.UnknownAccount, 7));

    [Fact]
    public void Decide_WhenAccountUnknown_DeniesUnknownAccount() =>
        Reason(Given.Facts with { Account = null }).ShouldBe(DecisionReason.UnknownAccount);

    [Fact]
    public void Decide_WhenDeviceUnknown_DeniesUnknownDevice() =>
        Reason(Given.Facts with { Device = null }).ShouldBe(DecisionReason.UnknownDevice);

    [Fact]
    public void Decide_WhenAnotherAccountOwnsTheDevice_DeniesNotOwner() =>
        Reason(Given.Facts.WithDevice(d => d with { OwnerId = Given.Bob })).ShouldBe(DecisionReason.NotOwner);

    [Fact]
    public void Decide_WhenNobodyOwnsTheDevice_DeniesNotOwner() =>
        Reason(Given.Facts.WithDevice(d => d with { OwnerId = null })).ShouldBe(DecisionReason.NotOwner);

    [Fact]
    public void Decide_WhenKillSwitchCoversTheRequest_DeniesKillSwitch() =>
        Reason(Given.Facts.WithSwitches(AssistantStreams)).ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenKillSwitchCoversOnlyAnotherAction_Allows() =>
        Reason(Given.Facts.WithSwitches(AssistantStreams), AccessActions.Snapshot).ShouldBe(DecisionReason.Allowed);

    [Fact]
    public void Decide_WhenKillSwitchCoversOnlyAnotherKind_Allows() =>
        Reason(Given.Facts.WithSwitches(new KillSwitchScope { IntegrationKind = "automation" })).ShouldBe(DecisionReason.Allowed);

    [Fact]
    public void Decide_WhenSwitchLiftIsPendingApproval_StillDeniesKillSwitch()
    {
        var killSwitch = Given.KillSwitch(AssistantStreams);
        killSwitch.LiftRequestedBy = "admin";
        killSwitch.LiftRequestedAt = killSwitch.ActivatedAt.AddHours(1);

        var facts = Given.Facts with { KillSwitches = DenyingKillSwitch.From([killSwitch]) };

        Reason(facts).ShouldBe(DecisionReason.KillSwitch);
    }

    [Fact]
    public void Decide_WhenSwitchLiftIsApproved_Allows()
    {
        var killSwitch = Given.KillSwitch(AssistantStreams);
        killSwitch.LiftRequestedAt = killSwitch.ActivatedAt.AddHours(1);
        killSwitch.LiftApprovedAt = killSwitch.ActivatedAt.AddHours(2);

        var facts = Given.Facts with { KillSwitches = DenyingKillSwitch.From([killSwitch]) };

        Reason(facts).ShouldBe(DecisionReason.Allowed);
    }

    [Fact]
    public void Decide_WhenAccountLocked_DeniesAccountLocked() =>
        Reason(Given.Facts.WithAccountStatus(AccountStatus.Locked)).ShouldBe(DecisionReason.AccountLocked);

    [Fact]
    public void Decide_WhenNoLink_DeniesNotLinked() =>
        Reason(Given.Facts with { Link = null }).ShouldBe(DecisionReason.NotLinked);

    [Fact]
    public void Decide_WhenLinkRevoked_DeniesNotLinked() =>
        Reason(Given.Facts with { Link = new LinkFacts(LinkStatus.Revoked, AccessActions.All) }).ShouldBe(DecisionReason.NotLinked);

    [Fact]
    public void Decide_WhenDeviceNotExposed_DeniesNotExposed() =>
        Reason(Given.Facts with { DeviceExposed = false }).ShouldBe(DecisionReason.NotExposed);

    [Fact]
    public void Decide_WhenIntegrationDoesNotOfferTheAction_DeniesActionNotGranted() =>
        Reason(Given.Facts.WithOffered(AccessActions.Snapshot | AccessActions.Events)).ShouldBe(DecisionReason.ActionNotGranted);

    [Fact]
    public void Decide_WhenLinkDoesNotGrantTheAction_DeniesActionNotGranted() =>
        Reason(Given.Facts.WithGranted(AccessActions.Snapshot | AccessActions.Control)).ShouldBe(DecisionReason.ActionNotGranted);

    [Fact]
    public void Decide_WhenOfferedAndGrantedOnlyTogetherCoverOtherActions_DeniesActionNotGranted() =>
        Reason(Given.Facts.WithOffered(AccessActions.Stream | AccessActions.Events).WithGranted(AccessActions.Snapshot | AccessActions.Events))
            .ShouldBe(DecisionReason.ActionNotGranted);

    [Fact]
    public void Decide_WhenActionInBothOfferedAndGranted_Allows() =>
        Reason(Given.Facts.WithOffered(AccessActions.Stream | AccessActions.Events).WithGranted(AccessActions.Stream | AccessActions.Snapshot))
            .ShouldBe(DecisionReason.Allowed);

    [Fact]
    public void Decide_WhenRequestSerialDiffersOnlyInCaseAndSpacing_Allows() =>
        DecisionEngine.Decide(Given.Request(serial: "  demo-cam-0001 "), Given.Facts).IsAllowed.ShouldBeTrue();

    [Fact]
    public void Decide_WhenNotOwnerAndKillSwitch_ReportsNotOwner() =>
        Reason(Given.Facts.WithDevice(d => d with { OwnerId = Given.Bob }).WithSwitches(AssistantStreams))
            .ShouldBe(DecisionReason.NotOwner);

    [Fact]
    public void Decide_WhenKillSwitchAndAccountLocked_ReportsKillSwitch() =>
        Reason(Given.Facts.WithAccountStatus(AccountStatus.Locked).WithSwitches(AssistantStreams))
            .ShouldBe(DecisionReason.KillSwitch);
}
