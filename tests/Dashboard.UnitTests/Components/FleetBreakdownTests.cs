using Dashboard.Core.Devices;
using Dashboard.Web.Components.Pages.Home;

namespace Dashboard.UnitTests.Components;

public sealed class FleetBreakdownTests
{
    [Fact]
    public void Fold_WhenGroupsFitTheChart_KeepsThemAsTheyAre()
    {
        FleetGroup[] groups = [new("A", 5, 1), new("B", 3, 0)];

        FleetBreakdown.Fold(groups, bars: 2, "Other").ShouldBe(groups);
    }

    [Fact]
    public void Fold_WhenMoreGroupsThanBars_SumsTheSmallestIntoOther()
    {
        FleetGroup[] groups = [new("A", 50, 10), new("B", 30, 5), new("C", 15, 2), new("D", 5, 1)];

        var folded = FleetBreakdown.Fold(groups, bars: 3, "Other");

        folded.ShouldBe([new("A", 50, 10), new("B", 30, 5), new FleetGroup("Other", 20, 3)]);
        folded.Sum(g => g.Devices).ShouldBe(groups.Sum(g => g.Devices));
    }
}
