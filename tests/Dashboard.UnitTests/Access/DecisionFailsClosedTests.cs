using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access;

/// <summary>Facts that are inconsistent with the request, or cannot be read, deny with the first check they defeat.</summary>
public sealed class DecisionFailsClosedTests
{
    private static AccessDecision Decide(AccessFacts facts, AccessActions action = AccessActions.Stream) =>
        DecisionEngine.Decide(Given.Request(action), facts);

    [Fact]
    public void Decide_WhenFactsAreNull_DeniesUnknownAccountAtRevisionZero() =>
        DecisionEngine.Decide(Given.Request(), null!).ShouldBe(AccessDecision.Deny(DecisionReason.UnknownAccount, 0));

    [Fact]
    public void Decide_WhenAccountFactsAreAboutAnotherAccount_DeniesUnknownAccount() =>
        DecisionEngine.Decide(Given.Request(account: Given.Bob), Given.Facts).Reason.ShouldBe(DecisionReason.UnknownAccount);

    [Fact]
    public void Decide_WhenDeviceFactsAreAboutAnotherSerial_DeniesUnknownDevice() =>
        DecisionEngine.Decide(Given.Request(serial: "DEMO-CAM-0002"), Given.Facts).Reason.ShouldBe(DecisionReason.UnknownDevice);

    [Fact]
    public void Decide_WhenRequestHasNoSerial_DeniesUnknownDevice() =>
        DecisionEngine.Decide(Given.Request(serial: null!), Given.Facts.WithDevice(d => d with { Serial = null! }))
            .Reason.ShouldBe(DecisionReason.UnknownDevice);

    [Fact]
    public void Decide_WhenRequestSerialIsBlank_DeniesUnknownDevice() =>
        DecisionEngine.Decide(Given.Request(serial: "  "), Given.Facts.WithDevice(d => d with { Serial = "" }))
            .Reason.ShouldBe(DecisionReason.UnknownDevice);

    [Fact]
    public void Decide_WhenIntegrationFactsAreAboutAnotherIntegration_DeniesKillSwitch() =>
        DecisionEngine.Decide(Given.Request(integration: Given.Ifttt), Given.Facts).Reason.ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenIntegrationFactsAreMissing_DeniesKillSwitch() =>
        Decide(Given.Facts with { Integration = null! }).Reason.ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenKillSwitchListIsMissing_DeniesKillSwitch() =>
        Decide(Given.Facts with { KillSwitches = null! }).Reason.ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenAKillSwitchIsNull_DeniesKillSwitch() =>
        Decide(Given.Facts with { KillSwitches = [null!] }).Reason.ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenAKillSwitchHasNoScope_DeniesKillSwitch() =>
        Decide(Given.Facts with { KillSwitches = [new DenyingKillSwitch(Guid.NewGuid(), null!)] }).Reason.ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenAKillSwitchScopeHasNoSelector_DeniesKillSwitch() =>
        Decide(Given.Facts.WithSwitches(new KillSwitchScope { Actions = ["stream"] })).Reason.ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenIntegrationKindIsUndefinedAndASwitchSelectsByKind_DeniesKillSwitch()
    {
        var facts = Given.Facts.WithSwitches(new KillSwitchScope { IntegrationKind = "automation" });
        facts = facts with { Integration = facts.Integration with { Kind = (IntegrationKind)99 } };

        Decide(facts).Reason.ShouldBe(DecisionReason.KillSwitch);
    }

    [Fact]
    public void Decide_WhenAccountStatusIsUndefined_DeniesAccountLocked() =>
        Decide(Given.Facts.WithAccountStatus((AccountStatus)99)).Reason.ShouldBe(DecisionReason.AccountLocked);

    [Fact]
    public void Decide_WhenLinkStatusIsUndefined_DeniesNotLinked() =>
        Decide(Given.Facts with { Link = new LinkFacts((LinkStatus)99, AccessActions.All) }).Reason.ShouldBe(DecisionReason.NotLinked);

    [Theory]
    [InlineData(AccessActions.None)]
    [InlineData(AccessActions.Stream | AccessActions.Snapshot)]
    [InlineData(AccessActions.All)]
    [InlineData((AccessActions)16)]
    [InlineData((AccessActions)(-1))]
    public void Decide_WhenActionIsNotExactlyOneKnownAction_DeniesActionNotGranted(AccessActions action) =>
        Decide(Given.Facts, action).Reason.ShouldBe(DecisionReason.ActionNotGranted);

    [Fact]
    public void Decide_WhenActionIsMalformedAndASwitchNarrowedByActionOtherwiseCovers_DeniesKillSwitch() =>
        Decide(Given.Facts.WithSwitches(new KillSwitchScope { AllIntegrations = true, Actions = ["control"] }), AccessActions.Stream | AccessActions.Control)
            .Reason.ShouldBe(DecisionReason.KillSwitch);

    [Fact]
    public void Decide_WhenDeviceAttributesAreMissingAndASwitchNarrowsByThem_DeniesKillSwitch() =>
        Decide(Given.Facts.WithDevice(d => d with { Model = null!, Region = null! })
                .WithSwitches(new KillSwitchScope { AllIntegrations = true, Models = ["Other"], Regions = ["US"] }))
            .Reason.ShouldBe(DecisionReason.KillSwitch);
}
