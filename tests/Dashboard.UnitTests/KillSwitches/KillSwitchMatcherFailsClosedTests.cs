using Dashboard.Core.Access;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.KillSwitches;

/// <summary>A scope or target the matcher cannot read covers the request: an invalid stored switch denies, never lets through.</summary>
public sealed class KillSwitchMatcherFailsClosedTests
{
    private static readonly KillSwitchTarget Target = new(
        "google-assistant", IntegrationKind.Assistant, AccessActions.Stream,
        "Mi Home Security Camera Basic 1080p", "3.5.1_00.66", "EU", "DEMO-CAM-0001", Guid.NewGuid());

    private static readonly KillSwitchScope Alexa = new() { Integration = "alexa" };

    [Fact]
    public void Matches_WhenScopeIsNull_Matches() =>
        KillSwitchMatcher.Matches(null, Target).ShouldBeTrue();

    [Fact]
    public void Matches_WhenScopeHasNoSelector_CoversEveryIntegration()
    {
        KillSwitchMatcher.Matches(new KillSwitchScope(), Target).ShouldBeTrue();
        KillSwitchMatcher.Matches(new KillSwitchScope { Actions = ["stream"] }, Target).ShouldBeTrue();
        KillSwitchMatcher.Matches(new KillSwitchScope { Actions = ["snapshot"] }, Target).ShouldBeFalse();
    }

    [Theory]
    [InlineData("alexa", "automation", false)]
    [InlineData("alexa", null, true)]
    [InlineData(null, "automation", true)]
    public void Matches_WhenScopeHasTwoSelectors_CoversEveryIntegration(string? key, string? kind, bool all) =>
        KillSwitchMatcher.Matches(new KillSwitchScope { Integration = key, IntegrationKind = kind, AllIntegrations = all }, Target)
            .ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Matches_WhenIntegrationKeyIsBlank_CoversEveryIntegration(string key) =>
        KillSwitchMatcher.Matches(new KillSwitchScope { Integration = key }, Target).ShouldBeTrue();

    [Theory]
    [InlineData("robot")]
    [InlineData("Automation")]
    [InlineData("")]
    public void Matches_WhenKindIsUnknown_CoversEveryIntegration(string kind) =>
        KillSwitchMatcher.Matches(new KillSwitchScope { IntegrationKind = kind }, Target).ShouldBeTrue();

    public static TheoryData<string, KillSwitchScope> UnreadableNarrowings => new()
    {
        { "empty actions", Alexa with { Integration = "google-assistant", Actions = [] } },
        { "unknown action", Alexa with { Integration = "google-assistant", Actions = ["snapshot", "Stream"] } },
        { "null action", Alexa with { Integration = "google-assistant", Actions = ["snapshot", null!] } },
        { "empty models", Alexa with { Integration = "google-assistant", Models = [] } },
        { "blank model", Alexa with { Integration = "google-assistant", Models = ["Other", " "] } },
        { "empty firmware", Alexa with { Integration = "google-assistant", Firmware = [] } },
        { "null firmware", Alexa with { Integration = "google-assistant", Firmware = ["1.0", null!] } },
        { "empty regions", Alexa with { Integration = "google-assistant", Regions = [] } },
        { "blank region", Alexa with { Integration = "google-assistant", Regions = ["US", ""] } },
        { "empty accounts", Alexa with { Integration = "google-assistant", Accounts = [] } },
        { "empty devices", Alexa with { Integration = "google-assistant", Devices = [] } },
        { "blank device", Alexa with { Integration = "google-assistant", Devices = ["OTHER", "  "] } },
    };

    [Theory]
    [MemberData(nameof(UnreadableNarrowings))]
    public void Matches_WhenANarrowingCannotBeRead_ItNarrowsNothing(string what, KillSwitchScope scope) =>
        KillSwitchMatcher.Matches(scope, Target).ShouldBeTrue(what);

    [Theory]
    [MemberData(nameof(UnreadableNarrowings))]
    public void Matches_WhenANarrowingCannotBeRead_TheSelectorStillNarrows(string what, KillSwitchScope scope) =>
        KillSwitchMatcher.Matches(scope with { Integration = "alexa" }, Target).ShouldBeFalse(what);

    [Theory]
    [InlineData(AccessActions.None)]
    [InlineData(AccessActions.Snapshot | AccessActions.Stream)]
    [InlineData((AccessActions)64)]
    public void Matches_WhenTargetActionIsNotOneKnownAction_AnyActionNarrowingCoversIt(AccessActions action) =>
        KillSwitchMatcher.Matches(new KillSwitchScope { AllIntegrations = true, Actions = ["control"] }, Target with { Action = action })
            .ShouldBeTrue();

    [Fact]
    public void Matches_WhenTargetValuesAreMissing_NarrowingsByThemCoverIt()
    {
        var blind = Target with { Model = null!, Firmware = null!, Region = null!, Serial = null! };
        var scope = new KillSwitchScope { AllIntegrations = true, Models = ["M"], Firmware = ["F"], Regions = ["R"], Devices = ["D"] };

        KillSwitchMatcher.Matches(scope, blind).ShouldBeTrue();
    }

    [Fact]
    public void Matches_WhenTargetIntegrationIsUnreadable_ItsSelectorCoversIt()
    {
        KillSwitchMatcher.Matches(Alexa, Target with { IntegrationKey = null! }).ShouldBeTrue();
        KillSwitchMatcher.Matches(new KillSwitchScope { IntegrationKind = "automation" }, Target with { IntegrationKind = (IntegrationKind)9 })
            .ShouldBeTrue();
    }
}
