using System.Text.Json.Nodes;
using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Api;

/// <summary>A generated fleet plus four devices whose values no generated device has (FLT-*), arranged once.</summary>
public sealed class FilteredFleetAppFactory : DashboardAppFactory
{
    private readonly SemaphoreSlim _arranging = new(1, 1);
    private bool _arranged;

    protected override int DemoFleetDevices => 300;

    public async Task ArrangeAsync()
    {
        await _arranging.WaitAsync();
        try
        {
            if (_arranged)
            {
                return;
            }
            await using var db = CreateDbContext();
            var owner = new Account
            {
                Id = Guid.NewGuid(), Email = "flt-owner@example.test", DisplayName = "Filter owner", Region = "ZZ", CreatedAt = DateTime.UtcNow,
            };
            db.Add(owner);
            db.AddRange(
                Device("FLT-1", "Filter Cam X", "9.1", "ZZ", owner, DeviceStatus.Active),
                Device("FLT-2", "Filter Cam X", "9.2", "ZZ", null, DeviceStatus.Decommissioned),
                Device("FLT-3", "Filter Cam Y", "9.1", "YY", owner, DeviceStatus.Decommissioned),
                Device("FLT-4", "Filter Cam Y", "9.1", "ZZ", null, DeviceStatus.Active));
            await db.SaveChangesAsync();
            _arranged = true;
        }
        finally
        {
            _arranging.Release();
        }
    }

    private static Device Device(string serial, string model, string firmware, string region, Account? owner, DeviceStatus status) => new()
    {
        Id = Guid.NewGuid(), Serial = serial, Mac = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..6]), Model = model,
        Firmware = firmware, Region = region, Status = status, OwnerId = owner?.Id, CreatedAt = DateTime.UtcNow,
    };
}

/// <summary>
/// <c>GET /api/v1/devices</c> with the fleet page's filters, over HTTP on PostgreSQL: each filter returns exactly what the
/// fleet list returns for it; bad values, unknown and repeated parameters are a 400 naming the parameter.
/// </summary>
public sealed class DevicesApiFilterTests(FilteredFleetAppFactory app) : IClassFixture<FilteredFleetAppFactory>
{
    private const string SupportToken = "dev-support-token";

    public static TheoryData<string, FleetFilter> Filters => new()
    {
        { "region=ZZ", new FleetFilter(Region: "ZZ") },
        { "region=EU", new FleetFilter(Region: "EU") },
        { "model=Filter%20Cam%20X", new FleetFilter(Model: "Filter Cam X") },
        { "firmware=9.1", new FleetFilter(Firmware: "9.1") },
        { "status=decommissioned", new FleetFilter(Status: DeviceStatus.Decommissioned) },
        { "status=ACTIVE", new FleetFilter(Status: DeviceStatus.Active) },
        { "owned=true", new FleetFilter(Owned: true) },
        { "owned=false", new FleetFilter(Owned: false) },
        { "model=Filter%20Cam%20Y&firmware=9.1&region=ZZ", new FleetFilter("Filter Cam Y", "9.1", "ZZ") },
        { "region=ZZ&status=active&owned=false", new FleetFilter(Region: "ZZ", Status: DeviceStatus.Active, Owned: false) },
        { "region=%20ZZ%20&model=", new FleetFilter(Region: "ZZ") },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filter_ReturnsExactlyWhatTheFleetListReturns(string query, FleetFilter filter)
    {
        await app.ArrangeAsync();
        using var client = app.CreateClient(SupportToken);
        var fleet = app.Services.GetRequiredService<FleetList>();

        var expected = await fleet.ListAsync(filter, FleetSort.BySerial, new PageRequest(1, PageRequest.MaxPageSize));
        var whole = await fleet.ListAsync(FleetFilter.None, FleetSort.BySerial, new PageRequest(1, PageRequest.MaxPageSize));
        var page = await (await client.GetAsync($"/api/v1/devices?{query}&pageSize={PageRequest.MaxPageSize}")).JsonAsync();

        expected.Total.ShouldBeGreaterThan(0, "the filter must match something to mean anything");
        expected.Total.ShouldBeLessThan(whole.Total, "the filter must leave something out");
        expected.Total.ShouldBeLessThan(PageRequest.MaxPageSize);
        page["total"]!.GetValue<long>().ShouldBe(expected.Total);
        page.Items().Select(d => d["serial"].Text()).ShouldBe(expected.Items.Select(d => d.Serial));
        foreach (var device in page.Items())
        {
            Matches(device, filter).ShouldBeTrue(device.ToJsonString());
        }
    }

    [Theory]
    [InlineData("query=FLT-&region=ZZ", new[] { "FLT-1", "FLT-2", "FLT-4" })]
    [InlineData("query=flt-&status=decommissioned&owned=true", new[] { "FLT-3" })]
    [InlineData("query=flt-owner@&firmware=9.1", new[] { "FLT-1", "FLT-3" })]
    [InlineData("query=FLT-&model=Filter%20Cam%20X&firmware=9.2&status=decommissioned&owned=false&region=ZZ", new[] { "FLT-2" })]
    [InlineData("query=FLT-&region=EU", new string[0])]
    public async Task QueryAndFilters_Combine(string query, string[] serials)
    {
        await app.ArrangeAsync();
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync($"/api/v1/devices?{query}")).JsonAsync();

        page["total"]!.GetValue<long>().ShouldBe(serials.Length);
        page.Items().Select(d => d["serial"].Text()).ShouldBe(serials);
    }

    [Fact]
    public async Task Filter_IsPaged_WithTheTotalOfAllMatches()
    {
        await app.ArrangeAsync();
        using var client = app.CreateClient(SupportToken);

        var second = await (await client.GetAsync("/api/v1/devices?region=ZZ&pageSize=2&page=2")).JsonAsync();

        second["total"]!.GetValue<long>().ShouldBe(3);
        second.Items().Select(d => d["serial"].Text()).ShouldBe(["FLT-4"]);
    }

    [Theory]
    [InlineData("status=broken", "status")]
    [InlineData("owned=maybe", "owned")]
    [InlineData("region=EU&status=gone", "status")]
    [InlineData("page=0&region=EU", "page")]
    public async Task BadValue_Is400NamingTheParameter(string query, string parameter)
    {
        using var client = app.CreateClient(SupportToken);

        var messages = await (await client.GetAsync($"/api/v1/devices?{query}")).ValidationErrorsForAsync(parameter);

        messages.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/devices?region=EU&colour=red", "colour")]
    [InlineData("/api/v1/devices?ownership=true", "ownership")]
    [InlineData("/api/v1/devices?sort=model", "sort")]
    [InlineData("/api/v1/devices/DEMO-CAM-0001?reason=T-1&verbose=1", "verbose")]
    [InlineData("/api/v1/audit?actor=alice&serial=DEMO-CAM-0001", "serial")]
    [InlineData("/api/v1/audit/verify?page=1", "page")]
    public async Task UnknownParameter_Is400NamingIt_AndOnlyIt(string path, string parameter)
    {
        using var client = app.CreateClient(SupportToken);

        var problem = await (await client.GetAsync(path)).ProblemAsync(400);

        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe([parameter], problem.ToJsonString());
        errors[parameter]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["Unknown query parameter."]);
    }

    [Theory]
    [InlineData("/api/v1/devices?region=EU&region=US", "region")]
    [InlineData("/api/v1/devices?query=DEMO&query=DEMO", "query")]
    [InlineData("/api/v1/devices?owned=true&owned=true", "owned")]
    [InlineData("/api/v1/devices/DEMO-CAM-0001?reason=a&reason=b", "reason")]
    public async Task RepeatedSingleValuedParameter_Is400NamingIt(string path, string parameter)
    {
        using var client = app.CreateClient(SupportToken);

        var messages = await (await client.GetAsync(path)).ValidationErrorsForAsync(parameter);

        messages.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/devices?Region=EU&PageSize=10")]
    [InlineData("/api/v1/devices/DEMO-CAM-0001?reason=T-1")]
    [InlineData("/api/v1/audit?actor=alice&page=1&pageSize=5")]
    public async Task DeclaredParameters_AreAccepted(string path)
    {
        using var client = app.CreateClient(SupportToken);

        var response = await client.GetAsync(path);

        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
    }

    private static bool Matches(JsonNode device, FleetFilter filter) =>
        (filter.Model is null || device["model"].Text() == filter.Model)
        && (filter.Firmware is null || device["firmware"].Text() == filter.Firmware)
        && (filter.Region is null || device["region"].Text() == filter.Region)
        && (filter.Status is null || device["status"].Text() == filter.Status.ToString()!.ToLowerInvariant())
        && (filter.Owned is null || (device["owner"] is not null) == filter.Owned);
}
