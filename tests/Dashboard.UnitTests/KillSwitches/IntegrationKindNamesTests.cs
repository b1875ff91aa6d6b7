using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.KillSwitches;

public sealed class IntegrationKindNamesTests
{
    [Theory]
    [InlineData(IntegrationKind.Assistant, "assistant")]
    [InlineData(IntegrationKind.Automation, "automation")]
    public void NamesAndParsing_RoundTripEveryKind(IntegrationKind kind, string name)
    {
        IntegrationKindNames.TryGetName(kind, out var actual).ShouldBeTrue();
        actual.ShouldBe(name);
        IntegrationKindNames.TryParse(name, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind);
    }

    [Fact]
    public void All_NamesEveryKind() =>
        IntegrationKindNames.All.Count.ShouldBe(Enum.GetValues<IntegrationKind>().Length);

    [Fact]
    public void TryGetName_ForAnUndefinedKind_Fails() =>
        IntegrationKindNames.TryGetName((IntegrationKind)7, out _).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("Assistant")]
    [InlineData(" automation")]
    [InlineData("robot")]
    public void TryParse_ForAnythingButAnExactName_Fails(string? name) =>
        IntegrationKindNames.TryParse(name, out _).ShouldBeFalse();
}
