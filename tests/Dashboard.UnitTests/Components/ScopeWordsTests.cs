using Dashboard.Core.KillSwitches;
using Dashboard.Web.Components.Pages.KillSwitches;

namespace Dashboard.UnitTests.Components;

public sealed class ScopeWordsTests
{
    [Fact]
    public void Describe_KindNarrowedByAction_ReadsAsOneLine()
    {
        var scope = new KillSwitchScope { IntegrationKind = "assistant", Actions = ["stream"] };

        ScopeWords.Describe(scope).ShouldBe("Every assistant integration · actions: stream");
    }

    [Fact]
    public void Describe_WithoutNarrowing_SaysItCoversEverything()
    {
        ScopeWords.Describe(new KillSwitchScope { AllIntegrations = true }).ShouldBe("All integrations · every action on every device");
        ScopeWords.Describe(new KillSwitchScope { Integration = "ifttt" }).ShouldBe("Integration ifttt · every action on every device");
    }

    [Fact]
    public void Describe_ShowsAccountsByEmailWhereKnown_AndByIdOtherwise()
    {
        var known = Guid.NewGuid();
        var unknown = Guid.NewGuid();
        var scope = new KillSwitchScope
        {
            Integration = "alexa",
            Regions = ["EU", "US"],
            Accounts = [known, unknown],
            Devices = ["DEMO-CAM-0001"],
        };

        ScopeWords.Describe(scope, new Dictionary<Guid, string> { [known] = "alice@demo.test" })
            .ShouldBe($"Integration alexa · regions: EU, US · accounts: alice@demo.test, {unknown} · devices: DEMO-CAM-0001");
    }
}
