using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.KillSwitches;

public sealed class KillSwitchScopeValidatorTests
{
    private static readonly string[] Keys = ["google-assistant", "alexa", "ifttt"];

    private static IReadOnlyList<ScopeError> Validate(KillSwitchScope? scope, string path = "scope") =>
        KillSwitchScopeValidator.Validate(scope, Keys, path);

    private static void ShouldFailOn(KillSwitchScope? scope, string field, string messagePart)
    {
        var errors = Validate(scope);
        errors.ShouldHaveSingleItem().Field.ShouldBe(field);
        errors[0].Message.ShouldContain(messagePart, Case.Insensitive);
    }

    public static TheoryData<KillSwitchScope> ValidScopes => new()
    {
        new KillSwitchScope { Integration = "google-assistant", Actions = ["stream"] },
        new KillSwitchScope { IntegrationKind = "assistant", Actions = ["stream"] },
        new KillSwitchScope { IntegrationKind = "automation" },
        new KillSwitchScope
        {
            AllIntegrations = true, Actions = ["stream", "snapshot", "events", "control"], Models = ["Mi Home Security Camera Basic 1080p"],
            Firmware = ["3.5.1_00.66"], Regions = ["EU"], Accounts = [Guid.NewGuid()], Devices = ["DEMO-CAM-0001"],
        },
    };

    [Theory]
    [MemberData(nameof(ValidScopes))]
    public void Validate_WhenScopeIsValid_ReturnsNoErrors(KillSwitchScope scope) =>
        Validate(scope).ShouldBeEmpty();

    [Fact]
    public void Validate_WhenScopeIsMissing_NamesTheScope() =>
        ShouldFailOn(null, "scope", "required");

    [Fact]
    public void Validate_WhenNoSelector_NamesTheScope()
    {
        ShouldFailOn(new KillSwitchScope { Actions = ["stream"] }, "scope", "exactly one");
        ShouldFailOn(new KillSwitchScope { AllIntegrations = false }, "scope", "exactly one");
    }

    [Fact]
    public void Validate_WhenTwoSelectors_NamesTheScopeAndTheSelectorsGiven() =>
        ShouldFailOn(new KillSwitchScope { Integration = "alexa", AllIntegrations = true }, "scope", "integration, allIntegrations");

    [Fact]
    public void Validate_WhenThreeSelectors_ReportsOneSelectorError() =>
        ShouldFailOn(new KillSwitchScope { Integration = "alexa", IntegrationKind = "assistant", AllIntegrations = true }, "scope", "only one");

    [Theory]
    [InlineData("nest")]
    [InlineData("Alexa")]
    [InlineData(" alexa")]
    [InlineData("")]
    public void Validate_WhenIntegrationIsUnknown_NamesScopeIntegration(string key) =>
        ShouldFailOn(new KillSwitchScope { Integration = key }, "scope.integration", "unknown integration");

    [Theory]
    [InlineData("robot")]
    [InlineData("Assistant")]
    [InlineData("")]
    public void Validate_WhenKindIsUnknown_NamesScopeIntegrationKind(string kind) =>
        ShouldFailOn(new KillSwitchScope { IntegrationKind = kind }, "scope.integrationKind", "assistant or automation");

    [Theory]
    [InlineData("delete")]
    [InlineData("Stream")]
    [InlineData(null)]
    public void Validate_WhenActionIsUnknown_NamesScopeActions(string? action) =>
        ShouldFailOn(new KillSwitchScope { AllIntegrations = true, Actions = ["snapshot", action!] }, "scope.actions", "unknown action");

    public static TheoryData<string, KillSwitchScope> EmptyLists => new()
    {
        { "scope.actions", new KillSwitchScope { AllIntegrations = true, Actions = [] } },
        { "scope.models", new KillSwitchScope { AllIntegrations = true, Models = [] } },
        { "scope.firmware", new KillSwitchScope { AllIntegrations = true, Firmware = [] } },
        { "scope.regions", new KillSwitchScope { AllIntegrations = true, Regions = [] } },
        { "scope.accounts", new KillSwitchScope { AllIntegrations = true, Accounts = [] } },
        { "scope.devices", new KillSwitchScope { AllIntegrations = true, Devices = [] } },
    };

    [Theory]
    [MemberData(nameof(EmptyLists))]
    public void Validate_WhenANarrowingListIsEmpty_NamesIt(string field, KillSwitchScope scope) =>
        ShouldFailOn(scope, field, "must not be empty");

    public static TheoryData<string, KillSwitchScope> BlankEntries => new()
    {
        { "scope.models", new KillSwitchScope { AllIntegrations = true, Models = ["M1", " "] } },
        { "scope.firmware", new KillSwitchScope { AllIntegrations = true, Firmware = [null!] } },
        { "scope.regions", new KillSwitchScope { AllIntegrations = true, Regions = [""] } },
        { "scope.devices", new KillSwitchScope { AllIntegrations = true, Devices = ["DEMO-CAM-0001", "\t"] } },
    };

    [Theory]
    [MemberData(nameof(BlankEntries))]
    public void Validate_WhenATextNarrowingHasABlankEntry_NamesIt(string field, KillSwitchScope scope) =>
        ShouldFailOn(scope, field, "blank");

    [Fact]
    public void Validate_WhenAnEntryHoldsNul_NamesIt() =>
        ShouldFailOn(new KillSwitchScope { AllIntegrations = true, Regions = ["EU\0"] }, "scope.regions", "U+0000");

    [Fact]
    public void Validate_WhenSeveralThingsAreWrong_ReportsEachField() =>
        Validate(new KillSwitchScope { Integration = "nest", Actions = ["fly"], Devices = [] })
            .Select(e => e.Field).ShouldBe(["scope.integration", "scope.actions", "scope.devices"]);

    [Fact]
    public void Validate_WithEmptyPath_NamesFieldsOfTheBareScope()
    {
        Validate(new KillSwitchScope { Integration = "nest", Actions = [] }, path: "")
            .Select(e => e.Field).ShouldBe(["integration", "actions"]);
        Validate(new KillSwitchScope(), path: "").ShouldHaveSingleItem().Field.ShouldBe("scope");
    }
}
