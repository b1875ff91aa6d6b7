using Dashboard.Web.Components.Pages.KillSwitches;

namespace Dashboard.UnitTests.Components;

public sealed class ScopeDraftTests
{
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

    [Fact]
    public void ToScope_WithEveryActionTicked_LeavesActionsOut()
    {
        var draft = new ScopeDraft { Integration = "alexa", Actions = ["control", "events", "snapshot", "stream"] };

        draft.ToScope([]).Actions.ShouldBeNull();
        new ScopeDraft { Integration = "alexa", Actions = ["stream", "control"] }.ToScope([]).Actions.ShouldBe(["stream", "control"]);
    }
}
