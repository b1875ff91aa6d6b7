using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Devices;

/// <summary>The staff fleet list: filters, counts, order and paging, on a small fleet arranged per test.</summary>
public sealed class FleetListTests : IAsyncLifetime
{
    private string _connectionString = "";
    private Account _ann = null!;
    private Account _ben = null!;

    private FleetList List => new(new ContextFactory(_connectionString));

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync(nameof(FleetListTests));
        await using var db = TestPostgres.CreateDbContext(_connectionString);
        _ann = NewAccount("ann@example.test");
        _ben = NewAccount("ben@example.test");
        db.AddRange(_ann, _ben);
        db.AddRange(
            NewDevice("CAM-A1", "Cam A", "1.0", "EU", _ann),
            NewDevice("CAM-A2", "Cam A", "1.0", "US", owner: null),
            NewDevice("CAM-B1", "Cam B", "2.0", "EU", _ben, DeviceStatus.Decommissioned),
            NewDevice("CAM-B2", "Cam B", "1.0", "EU", _ann),
            NewDevice("CAM-C1", "Cam C", "3.0", "APAC", owner: null),
            // Byte order: '_' (0x5F) sorts after upper-case letters and digits, whatever the database locale.
            NewDevice("CAM_Z9", "Cam A", "3.0", "EU", _ben));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task List_Unfiltered_CountsEveryDeviceInSerialByteOrder_WithOwners()
    {
        var page = await List.ListAsync(FleetFilter.None, FleetSort.BySerial, PageRequest.First());

        page.Total.ShouldBe(6);
        Serials(page).ShouldBe(["CAM-A1", "CAM-A2", "CAM-B1", "CAM-B2", "CAM-C1", "CAM_Z9"]);
        page.Items[0].Owner.ShouldBe(new AccountRef(_ann.Id, "ann@example.test"));
        page.Items[1].Owner.ShouldBeNull();
        page.Items[0].Mac.ShouldMatch("^([0-9A-F]{2}:){5}[0-9A-F]{2}$");
    }

    [Theory]
    [InlineData("region", "EU", new[] { "CAM-A1", "CAM-B1", "CAM-B2", "CAM_Z9" })]
    [InlineData("model", "Cam A", new[] { "CAM-A1", "CAM-A2", "CAM_Z9" })]
    [InlineData("firmware", "1.0", new[] { "CAM-A1", "CAM-A2", "CAM-B2" })]
    [InlineData("status", "Decommissioned", new[] { "CAM-B1" })]
    [InlineData("owned", "true", new[] { "CAM-A1", "CAM-B1", "CAM-B2", "CAM_Z9" })]
    [InlineData("owned", "false", new[] { "CAM-A2", "CAM-C1" })]
    [InlineData("region", "MEA", new string[0])]
    public async Task List_FilteredByOneField_CountsAndListsOnlyMatches(string field, string value, string[] expected)
    {
        var filter = field switch
        {
            "region" => new FleetFilter(Region: value),
            "model" => new FleetFilter(Model: value),
            "firmware" => new FleetFilter(Firmware: value),
            "status" => new FleetFilter(Status: Enum.Parse<DeviceStatus>(value)),
            _ => new FleetFilter(Owned: bool.Parse(value)),
        };

        var page = await List.ListAsync(filter, FleetSort.BySerial, PageRequest.First());

        page.Total.ShouldBe(expected.Length);
        Serials(page).ShouldBe(expected);
    }

    [Fact]
    public async Task List_FiltersCombine()
    {
        var page = await List.ListAsync(
            new FleetFilter(Model: "Cam A", Region: "EU", Owned: true), FleetSort.BySerial, PageRequest.First());

        Serials(page).ShouldBe(["CAM-A1", "CAM_Z9"]);
        page.Total.ShouldBe(2);
    }

    [Fact]
    public async Task List_FilterValuesAreExact_SoAPrefixOrAnotherCaseMatchesNothing()
    {
        (await List.ListAsync(new FleetFilter(Model: "Cam"), FleetSort.BySerial, PageRequest.First())).Total.ShouldBe(0);
        (await List.ListAsync(new FleetFilter(Region: "eu"), FleetSort.BySerial, PageRequest.First())).Total.ShouldBe(0);
        // Even text that would mean something in SQL is only a value.
        (await List.ListAsync(new FleetFilter(Model: "x' OR '1'='1"), FleetSort.BySerial, PageRequest.First())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task List_SortedByModelDescending_IsTheAscendingOrderReversed()
    {
        var page = await List.ListAsync(
            FleetFilter.None, new FleetSort(FleetSortColumn.Model, Descending: true), PageRequest.First());

        Serials(page).ShouldBe(["CAM-C1", "CAM-B2", "CAM-B1", "CAM_Z9", "CAM-A2", "CAM-A1"]);
    }

    [Fact]
    public async Task List_SortedByFirmware_ThenSerial()
    {
        var page = await List.ListAsync(FleetFilter.None, new FleetSort(FleetSortColumn.Firmware), PageRequest.First());

        Serials(page).ShouldBe(["CAM-A1", "CAM-A2", "CAM-B2", "CAM-B1", "CAM-C1", "CAM_Z9"]);
    }

    [Fact]
    public async Task List_Pages_DoNotOverlapAndKeepTheTotal()
    {
        var sort = new FleetSort(FleetSortColumn.Model);
        var pages = new List<Paged<DeviceSummary>>();
        for (var n = 1; n <= 4; n++)
        {
            pages.Add(await List.ListAsync(FleetFilter.None, sort, new PageRequest(n, 2)));
        }

        pages.ShouldAllBe(p => p.Total == 6);
        pages.SelectMany(Serials).ShouldBe(Serials(await List.ListAsync(FleetFilter.None, sort, PageRequest.First())));
        pages[3].Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Stream_YieldsEveryMatchInListOrder()
    {
        var filter = new FleetFilter(Region: "EU");
        var sort = new FleetSort(FleetSortColumn.Model, Descending: true);

        var streamed = new List<DeviceSummary>();
        await foreach (var device in List.StreamAsync(filter, sort))
        {
            streamed.Add(device);
        }

        streamed.ShouldBe((await List.ListAsync(filter, sort, PageRequest.First())).Items);
    }

    [Fact]
    public async Task Facets_ListDistinctValuesInOrder()
    {
        var facets = await List.FacetsAsync();

        facets.Models.ShouldBe(["Cam A", "Cam B", "Cam C"]);
        facets.Firmware.ShouldBe(["1.0", "2.0", "3.0"]);
        facets.Regions.ShouldBe(["APAC", "EU", "US"]);
    }

    [Fact]
    public async Task Facets_OfAnEmptyFleet_AreEmpty()
    {
        await using (var db = TestPostgres.CreateDbContext(_connectionString))
        {
            await db.Devices.ExecuteDeleteAsync();
        }

        var facets = await List.FacetsAsync();

        facets.Models.ShouldBeEmpty();
        facets.Regions.ShouldBeEmpty();
    }

    private static IReadOnlyList<string> Serials(Paged<DeviceSummary> page) => page.Items.Select(d => d.Serial).ToList();

    private static Account NewAccount(string email) => new()
    {
        Id = Guid.NewGuid(), Email = email, DisplayName = email, Region = "EU", CreatedAt = DateTime.UtcNow,
    };

    private static Device NewDevice(
        string serial, string model, string firmware, string region, Account? owner, DeviceStatus status = DeviceStatus.Active) => new()
    {
        Id = Guid.NewGuid(),
        Serial = serial,
        Mac = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..6]),
        Model = model,
        Firmware = firmware,
        Region = region,
        Status = status,
        OwnerId = owner?.Id,
        CreatedAt = DateTime.UtcNow,
    };

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(connectionString);
    }
}
