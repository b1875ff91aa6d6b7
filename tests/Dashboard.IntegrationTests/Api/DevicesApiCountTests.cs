using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Devices;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Api;

/// <summary>The demo fixture plus the bulk devices around the count cap, arranged once.</summary>
public sealed class CappedFleetAppFactory : DashboardAppFactory
{
    private readonly SemaphoreSlim _arranging = new(1, 1);
    private bool _arranged;

    public async Task ArrangeAsync()
    {
        await _arranging.WaitAsync();
        try
        {
            if (!_arranged)
            {
                await CappedFleet.InsertAsync(ConnectionString);
                _arranged = true;
            }
        }
        finally
        {
            _arranging.Release();
        }
    }
}

/// <summary>
/// <c>GET /api/v1/devices</c> totals over HTTP: capped at 10,000 with <c>totalIsLowerBound</c> by default, every match
/// with <c>exactCount=true</c>; a bad or repeated <c>exactCount</c> is a 400 problem naming it.
/// </summary>
public sealed class DevicesApiCountTests(CappedFleetAppFactory app) : IClassFixture<CappedFleetAppFactory>
{
    private const string SupportToken = "dev-support-token";

    [Theory]
    [InlineData("region=CAP", CappedTotal.Limit, true)]
    [InlineData("region=CAP&exactCount=false", CappedTotal.Limit, true)]
    [InlineData("region=CAP&exactCount=true", CappedFleet.OverTheCap, false)]
    [InlineData("region=CAP&exactCount=%20TRUE%20", CappedFleet.OverTheCap, false)]
    [InlineData("query=cap-", CappedTotal.Limit, true)]
    [InlineData("query=cap-&exactCount=true", CappedFleet.OverTheCap, false)]
    [InlineData("region=EXACT", CappedFleet.AtTheCap, false)]
    [InlineData("query=few-&exactCount=true", CappedFleet.Few, false)]
    public async Task Total_IsCappedAndMarked_UnlessExactCountIsAsked(string query, long total, bool lowerBound)
    {
        await app.ArrangeAsync();
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync($"/api/v1/devices?{query}")).JsonAsync();

        page["total"]!.GetValue<long>().ShouldBe(total);
        // Only a capped total carries the flag: an exact answer keeps the {"total","items"} it always had.
        page.Keys().ShouldBe(lowerBound ? ["total", "items", "totalIsLowerBound"] : ["total", "items"]);
        if (lowerBound)
        {
            page["totalIsLowerBound"]!.GetValue<bool>().ShouldBeTrue();
        }
        page.Items().Count.ShouldBe((int)Math.Min(total, PageRequest.DefaultPageSize));
    }

    [Fact]
    public async Task UnfilteredTotal_IsExact_EvenAboveTheCap()
    {
        await app.ArrangeAsync();
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync("/api/v1/devices")).JsonAsync();

        page["total"]!.GetValue<long>().ShouldBeGreaterThan(CappedFleet.OverTheCap + CappedFleet.AtTheCap);
        page.Keys().ShouldBe(["total", "items"]);
    }

    [Theory]
    [InlineData("exactCount=maybe")]
    [InlineData("region=CAP&exactCount=1")]
    [InlineData("exactCount=true&exactCount=false")]
    public async Task BadOrRepeatedExactCount_Is400NamingIt(string query)
    {
        using var client = app.CreateClient(SupportToken);

        var messages = await (await client.GetAsync($"/api/v1/devices?{query}")).ValidationErrorsForAsync("exactCount");

        messages.ShouldNotBeEmpty();
    }
}
