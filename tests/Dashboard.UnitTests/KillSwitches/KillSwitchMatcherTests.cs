using Dashboard.Core.Access;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.KillSwitches;

public sealed class KillSwitchMatcherTests
{
    private static readonly Guid Alice = new("a11ce000-0000-0000-0000-000000000001");
    private static readonly Guid Bob = new("b0b00000-0000-0000-0000-000000000002");

    // Alice's DEMO-CAM-0001 streamed through google-assistant.
    private static readonly KillSwitchTarget Target = new(
        "google-assistant", IntegrationKind.Assistant, AccessActions.Stream,
        "Mi Home Security Camera Basic 1080p", "3.5.1_00.66", "EU", "DEMO-CAM-0001", Alice);

    private static readonly KillSwitchScope All = new() { AllIntegrations = true };

    private static bool Matches(KillSwitchScope? scope, KillSwitchTarget? target = null) =>
        KillSwitchMatcher.Matches(scope, target ?? Target);

    [Fact]
    public void Matches_WhenIntegrationKeyIsTheTargets_Matches() =>
        Matches(new() { Integration = "google-assistant" }).ShouldBeTrue();

    [Fact]
    public void Matches_WhenIntegrationKeyIsAnother_DoesNotMatch() =>
        Matches(new() { Integration = "alexa" }).ShouldBeFalse();

    [Fact]
    public void Matches_WhenStoredKeyDiffersInCaseOrSpacing_StillMatches() =>
        Matches(new() { Integration = " Google-Assistant " }).ShouldBeTrue();

    [Fact]
    public void Matches_WhenKindIsTheTargets_Matches() =>
        Matches(new() { IntegrationKind = "assistant" }).ShouldBeTrue();

    [Fact]
    public void Matches_WhenKindIsAnother_DoesNotMatch() =>
        Matches(new() { IntegrationKind = "automation" }).ShouldBeFalse();

    [Fact]
    public void Matches_WhenAllIntegrations_Matches() =>
        Matches(All).ShouldBeTrue();

    // Each narrowing dimension: a list holding the target's value matches, a list without it does not.
    public static TheoryData<string, KillSwitchScope, KillSwitchScope> Narrowings => new()
    {
        { "actions", All with { Actions = ["snapshot", "stream"] }, All with { Actions = ["snapshot", "events"] } },
        { "models", All with { Models = ["Mi Home Security Camera Basic 1080p"] }, All with { Models = ["Mi Home Security Camera 360 2K"] } },
        { "firmware", All with { Firmware = ["3.5.1_00.66"] }, All with { Firmware = ["3.5.1_00.67"] } },
        { "regions", All with { Regions = ["US", "EU"] }, All with { Regions = ["US"] } },
        { "accounts", All with { Accounts = [Bob, Alice] }, All with { Accounts = [Bob] } },
        { "devices", All with { Devices = ["DEMO-CAM-0001"] }, All with { Devices = ["DEMO-CAM-0002"] } },
    };

    [Theory]
    [MemberData(nameof(Narrowings))]
    public void Matches_WhenNarrowingHoldsTheTargetsValue_Matches(string dimension, KillSwitchScope holding, KillSwitchScope _) =>
        Matches(holding).ShouldBeTrue(dimension);

    [Theory]
    [MemberData(nameof(Narrowings))]
    public void Matches_WhenNarrowingLacksTheTargetsValue_DoesNotMatch(string dimension, KillSwitchScope _, KillSwitchScope lacking) =>
        Matches(lacking).ShouldBeFalse(dimension);

    [Fact]
    public void Matches_WhenOneOfSeveralNarrowingsLacksTheValue_DoesNotMatch() =>
        Matches(All with { Actions = ["stream"], Models = ["Mi Home Security Camera Basic 1080p"], Regions = ["US"] }).ShouldBeFalse();

    [Fact]
    public void Matches_WhenNarrowedSelectorMissesTheIntegration_DoesNotMatch() =>
        Matches(new() { Integration = "alexa", Actions = ["stream"], Devices = ["DEMO-CAM-0001"] }).ShouldBeFalse();

    [Fact]
    public void Matches_ComparesModelsFirmwareAndRegionsExactly()
    {
        Matches(All with { Regions = ["eu"] }).ShouldBeFalse();
        Matches(All with { Models = ["mi home security camera basic 1080p"] }).ShouldBeFalse();
        Matches(All with { Firmware = ["3.5.1"] }).ShouldBeFalse();
    }

    [Fact]
    public void Matches_WhenStoredSerialIsNotCanonical_StillMatches() =>
        Matches(All with { Devices = [" demo-cam-0001 "] }).ShouldBeTrue();

    [Fact]
    public void Matches_ComparesActionsByExactWireName() =>
        Matches(All with { Actions = ["snapshot"] }, Target with { Action = AccessActions.Snapshot }).ShouldBeTrue();
}
