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

    [Fact]
    public void ToScope_LeavesUnpickedListsOut_AndSplitsTypedEntries()
    {
        var draft = new ScopeDraft
        {
            Selector = ScopeSelector.Kind,
            Integration = "google-assistant", // left over from the other selector: not part of the scope
            Kind = "assistant",
            Actions = ["stream"],
            DevicesText = "demo-cam-0001, DEMO-CAM-0002\nDEMO-CAM-0002",
        };

        var scope = draft.ToScope([]);

        scope.Integration.ShouldBeNull();
        scope.IntegrationKind.ShouldBe("assistant");
        scope.AllIntegrations.ShouldBeFalse();
        scope.Actions.ShouldBe(["stream"]);
        scope.Models.ShouldBeNull();
        scope.Accounts.ShouldBeNull();
        scope.Devices.ShouldBe(["demo-cam-0001", "DEMO-CAM-0002"]);
    }
}
