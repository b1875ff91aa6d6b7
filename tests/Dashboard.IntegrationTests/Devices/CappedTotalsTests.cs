using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Devices;

/// <summary>
/// Filtered and searched totals stop counting one row past 10,000 and say so (TotalIsLowerBound), unless every match
/// is asked for; the unfiltered total stays the exact counter; pages past the cap are still served.
/// </summary>
public sealed class CappedTotalsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Arranging = new(1, 1);
    private static readonly HashSet<string> Arranged = [];

    private FleetList List => new(database);
    private DeviceSearch Search => new(database);

    public async Task InitializeAsync()
    {
        await Arranging.WaitAsync();
        try
        {
            if (Arranged.Add(database.ConnectionString))
            {
                await CappedFleet.InsertAsync(database.ConnectionString);
            }
        }
        finally
        {
            Arranging.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FilteredList_OverTheCap_CountsToTheCap_AndSaysMoreMatch()
    {
        var page = await List.ListAsync(new FleetFilter(Region: "CAP"), FleetSort.BySerial, PageRequest.First());

        page.Total.ShouldBe(CappedTotal.Limit);
        page.TotalIsLowerBound.ShouldBeTrue();
        page.Items.Select(d => d.Serial).ShouldBe(Enumerable.Range(1, 50).Select(i => $"CAP-{i:D5}"));
    }

    [Fact]
    public async Task FilteredList_OverTheCap_CountsEveryMatch_WhenAskedTo()
    {
        var page = await List.ListAsync(new FleetFilter(Region: "CAP"), FleetSort.BySerial, PageRequest.First(), TotalCount.Exact);

        page.Total.ShouldBe(CappedFleet.OverTheCap);
        page.TotalIsLowerBound.ShouldBeFalse();
    }

    [Theory]
    [InlineData("EXACT", CappedFleet.AtTheCap)]
    [InlineData("FEW", CappedFleet.Few)]
    [InlineData("NONE", 0)]
    public async Task FilteredList_AtOrUnderTheCap_IsExact(string region, int expected)
    {
        var page = await List.ListAsync(new FleetFilter(Region: region), FleetSort.BySerial, PageRequest.First());

        page.Total.ShouldBe(expected);
        page.TotalIsLowerBound.ShouldBeFalse();
    }

    [Fact]
    public async Task FilteredList_PagePastTheCap_StillListsTheRowsThere()
    {
        // Rows 10,001 on: the capped total (10,000) must not be read as the end of the list.
        var page = await List.ListAsync(new FleetFilter(Region: "CAP"), FleetSort.BySerial, new PageRequest(201, 50));

        page.TotalIsLowerBound.ShouldBeTrue();
        page.Items.Select(d => d.Serial).ShouldBe([$"CAP-{CappedFleet.OverTheCap:D5}"]);
    }

    [Fact]
    public async Task UnfilteredList_IsTheExactCounter()
    {
        var page = await List.ListAsync(FleetFilter.None, FleetSort.BySerial, PageRequest.First());

        page.Total.ShouldBe(CappedFleet.OverTheCap + CappedFleet.AtTheCap + CappedFleet.Few);
        page.TotalIsLowerBound.ShouldBeFalse();
    }

    [Fact]
    public async Task Search_ByAPrefixMatchingMoreThanTheCap_IsCapped_UnlessExactIsAsked()
    {
        var capped = await Search.SearchAsync("cap-", FleetFilter.None, PageRequest.First());
        var exact = await Search.SearchAsync("cap-", FleetFilter.None, PageRequest.First(), TotalCount.Exact);
        var few = await Search.SearchAsync("few-", FleetFilter.None, PageRequest.First());

        (capped.Total, capped.TotalIsLowerBound).ShouldBe((CappedTotal.Limit, true));
        capped.Items.Count.ShouldBe(50);
        (exact.Total, exact.TotalIsLowerBound).ShouldBe((CappedFleet.OverTheCap, false));
        (few.Total, few.TotalIsLowerBound).ShouldBe((CappedFleet.Few, false));
    }

    [Fact]
    public async Task Search_WithAFilter_IsTheCappedList()
    {
        var page = await Search.SearchAsync(null, new FleetFilter(Region: "CAP"), PageRequest.First());
        var exact = await Search.SearchAsync(null, new FleetFilter(Region: "CAP"), PageRequest.First(), TotalCount.Exact);

        (page.Total, page.TotalIsLowerBound).ShouldBe((CappedTotal.Limit, true));
        (exact.Total, exact.TotalIsLowerBound).ShouldBe((CappedFleet.OverTheCap, false));
    }
}
