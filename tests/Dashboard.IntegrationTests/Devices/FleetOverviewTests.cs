using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Devices;

public sealed class FleetOverviewTests : IAsyncLifetime
{
    // Each test arranges its own fleet on a database of its own (the ledger tables refuse TRUNCATE).
    private string _connectionString = "";

    private FleetOverview Overview => new(new ContextFactory(_connectionString));

    private DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(_connectionString);

    public async Task InitializeAsync() =>
        _connectionString = await TestPostgres.CreateDatabaseAsync(nameof(FleetOverviewTests));

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task GetAsync_WhenFleetIsEmpty_ReturnsZerosAndNoGroups()
    {
        var summary = await Overview.GetAsync();

        summary.Devices.ShouldBe(0);
        summary.OwnedDevices.ShouldBe(0);
        summary.Accounts.ShouldBe(0);
        summary.ActiveLinks.ShouldBe(0);
        summary.ByModel.ShouldBeEmpty();
        summary.ByFirmware.ShouldBeEmpty();
        summary.ByRegion.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_CountsTotalsAndGroupsLargestFirst()
    {
        await using (var db = CreateDbContext())
        {
            var ann = NewAccount("ann@example.test");
            var ben = NewAccount("ben@example.test");
            var assistant = new Integration { Id = Guid.NewGuid(), Key = "assistant", Name = "Assistant", CreatedAt = DateTime.UtcNow };
            db.AddRange(ann, ben, assistant);
            db.AddRange(
                NewDevice("CAM-1", "Cam A", "1.0", "EU", ann),
                NewDevice("CAM-2", "Cam A", "1.0", "EU", ann),
                NewDevice("CAM-3", "Cam A", "2.0", "US", ben),
                NewDevice("CAM-4", "Cam B", "2.0", "EU", owner: null));
            db.AddRange(
                new AccountLink { Id = Guid.NewGuid(), AccountId = ann.Id, IntegrationId = assistant.Id, LinkedAt = DateTime.UtcNow },
                new AccountLink { Id = Guid.NewGuid(), AccountId = ben.Id, IntegrationId = assistant.Id, LinkedAt = DateTime.UtcNow, Status = LinkStatus.Revoked });
            await db.SaveChangesAsync();
        }

        var summary = await Overview.GetAsync();

        summary.Devices.ShouldBe(4);
        summary.OwnedDevices.ShouldBe(3);
        summary.UnownedDevices.ShouldBe(1);
        summary.Accounts.ShouldBe(2);
        summary.ActiveLinks.ShouldBe(1);
        summary.ByModel.ShouldBe([new FleetGroup("Cam A", 3, 3), new FleetGroup("Cam B", 1, 0)]);
        summary.ByFirmware.ShouldBe([new FleetGroup("1.0", 2, 2), new FleetGroup("2.0", 2, 1)]);
        summary.ByRegion.ShouldBe([new FleetGroup("EU", 3, 2), new FleetGroup("US", 1, 1)]);
    }

    private static Account NewAccount(string email) => new()
    {
        Id = Guid.NewGuid(), Email = email, DisplayName = email, Region = "EU", CreatedAt = DateTime.UtcNow,
    };

    private static Device NewDevice(string serial, string model, string firmware, string region, Account? owner) => new()
    {
        Id = Guid.NewGuid(),
        Serial = serial,
        Mac = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..6]),
        Model = model,
        Firmware = firmware,
        Region = region,
        OwnerId = owner?.Id,
        CreatedAt = DateTime.UtcNow,
    };

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(connectionString);
    }
}
