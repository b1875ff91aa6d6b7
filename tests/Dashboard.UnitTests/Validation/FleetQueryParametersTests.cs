using Dashboard.Core.Devices;
using Dashboard.Web.Api;
using Dashboard.Web.Validation;

namespace Dashboard.UnitTests.Validation;

public sealed class FleetQueryParametersTests
{
    [Fact]
    public void Read_TrimsValues_AndReadsStatusOwnedAndSort()
    {
        var errors = new QueryErrors();

        var (filter, sort) = FleetQueryParameters.Read(" Yi 3 ", null, "EU", "Decommissioned", "false", "-model", errors);

        errors.HasErrors.ShouldBeFalse();
        filter.ShouldBe(new FleetFilter("Yi 3", null, "EU", DeviceStatus.Decommissioned, false));
        sort.ShouldBe(new FleetSort(FleetSortColumn.Model, Descending: true));
    }

    [Fact]
    public void Read_BadValues_NameEachFieldInOrder()
    {
        var errors = new QueryErrors();

        FleetQueryParameters.Read(null, null, null, "gone", "maybe", "region", errors);

        errors.All.ShouldBe([
            new QueryError("status", QueryProblem.Status), new QueryError("owned", QueryProblem.Owned), new QueryError("sort", QueryProblem.Sort)]);
    }

    [Fact]
    public void ToQuery_OfWhatWasRead_ReadsBackTheSameView()
    {
        var filter = new FleetFilter("Yi 3", "1.0", "EU", DeviceStatus.Active, true);
        var sort = new FleetSort(FleetSortColumn.Firmware, Descending: true);
        var query = FleetQueryParameters.ToQuery(filter, sort);
        var errors = new QueryErrors();

        var read = FleetQueryParameters.Read(
            (string?)query["model"], (string?)query["firmware"], (string?)query["region"], (string?)query["status"],
            (string?)query["owned"], (string?)query["sort"], errors);

        errors.HasErrors.ShouldBeFalse();
        read.ShouldBe((filter, sort));
        FleetQueryParameters.ToQuery(FleetFilter.None, FleetSort.BySerial).Values.ShouldAllBe(v => v == null);
    }

    [Fact]
    public void ValidationErrors_WordQueryProblemsAsTheApiAlwaysHas()
    {
        var problems = new QueryErrors().Add("status", QueryProblem.Status).Add("from", QueryProblem.FromAfterTo);

        var errors = new ValidationErrors().Add(problems).ToDictionary();

        errors["status"].ShouldBe(["Must be 'active' or 'decommissioned'."]);
        errors["from"].ShouldBe(["Must not be after 'to'."]);
    }
}
