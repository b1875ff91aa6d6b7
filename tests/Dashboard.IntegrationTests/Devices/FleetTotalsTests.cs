using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.IntegrationTests.Devices;

/// <summary>
/// The maintained device total (fleet_totals): the unfiltered fleet list and API read it, and the triggers on
/// devices keep it equal to count(*) through inserts, deletes and transactions of their own.
/// </summary>
public sealed class FleetTotalsTests : IAsyncLifetime
{
    private string _connectionString = "";

    private FleetList List => new(new ContextFactory(_connectionString));
    private DeviceSearch Search => new(new ContextFactory(_connectionString));

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync(nameof(FleetTotalsTests));

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task UnfilteredTotals_ComeFromTheCounter_FilteredOnesCountTheRows()
    {
        await InsertAsync("CAM-1", "EU");
        await InsertAsync("CAM-2", "US");
        // Set the counter to a value count(*) could never give: only a total read from it can show 42.
        await ExecuteAsync("UPDATE fleet_totals SET devices = 42 WHERE id = 1");

        (await List.ListAsync(FleetFilter.None, FleetSort.BySerial, PageRequest.First())).Total.ShouldBe(42);
        (await Search.SearchAsync(null, PageRequest.First())).Total.ShouldBe(42);
        (await Search.SearchAsync("  ", PageRequest.First())).Total.ShouldBe(42);
        (await List.ListAsync(new FleetFilter(Region: "EU"), FleetSort.BySerial, PageRequest.First())).Total.ShouldBe(1);
        (await Search.SearchAsync("CAM", PageRequest.First())).Total.ShouldBe(2);
    }

    [Fact]
    public async Task Counter_FollowsInsertsAndDeletesOfOtherTransactions_AndEqualsCount()
    {
        (await UnfilteredTotalAsync()).ShouldBe(0);

        await InsertAsync("CAM-1", "EU");
        await InsertAsync("CAM-2", "EU");
        await ExecuteAsync("""
            INSERT INTO devices (id, serial, mac, model, firmware, region, status, ownership_version, created_at)
            SELECT gen_random_uuid(), 'BULK-' || i, upper(lpad(to_hex(i), 12, '0')), 'Cam', '1.0', 'US', 'Active', 0, now()
            FROM generate_series(1, 500) i
            """);
        (await UnfilteredTotalAsync()).ShouldBe(502);
        (await CountAsync()).ShouldBe(502);

        await ExecuteAsync("DELETE FROM devices WHERE serial LIKE 'BULK-%' AND region = 'US' AND serial < 'BULK-2'");
        var left = await CountAsync();
        left.ShouldBeLessThan(502);
        (await UnfilteredTotalAsync()).ShouldBe(left);

        // Deleting nothing and an insert that conflicts change nothing.
        await ExecuteAsync("DELETE FROM devices WHERE serial = 'NO-SUCH'");
        await ExecuteAsync("""
            INSERT INTO devices (id, serial, mac, model, firmware, region, status, ownership_version, created_at)
            SELECT id, serial, mac, model, firmware, region, status, ownership_version, created_at FROM devices
            ON CONFLICT DO NOTHING
            """);
        (await UnfilteredTotalAsync()).ShouldBe(left);
        (await CountAsync()).ShouldBe(left);
    }

    [Fact]
    public async Task Counter_ChangesCommitAndRollBackWithTheirTransaction()
    {
        await InsertAsync("CAM-1", "EU");

        await using var writer = new NpgsqlConnection(_connectionString);
        await writer.OpenAsync();
        await using (var rolledBack = await writer.BeginTransactionAsync())
        {
            await ExecuteAsync(writer, "INSERT INTO devices (id, serial, mac, model, firmware, region, status, ownership_version, created_at) " +
                "VALUES (gen_random_uuid(), 'CAM-2', 'AABBCCDDEEFF', 'Cam', '1.0', 'EU', 'Active', 0, now())");
            await ExecuteAsync(writer, "DELETE FROM devices WHERE serial = 'CAM-1'");
            // Readers see the committed total while the writer's transaction is open.
            (await UnfilteredTotalAsync()).ShouldBe(1);
            await rolledBack.RollbackAsync();
        }
        (await UnfilteredTotalAsync()).ShouldBe(1);

        await using (var committed = await writer.BeginTransactionAsync())
        {
            await ExecuteAsync(writer, "INSERT INTO devices (id, serial, mac, model, firmware, region, status, ownership_version, created_at) " +
                "VALUES (gen_random_uuid(), 'CAM-3', 'AABBCCDDEE00', 'Cam', '1.0', 'EU', 'Active', 0, now())");
            (await UnfilteredTotalAsync()).ShouldBe(1);
            await committed.CommitAsync();
        }
        (await UnfilteredTotalAsync()).ShouldBe(2);
        (await CountAsync()).ShouldBe(2);
    }

    private async Task<long> UnfilteredTotalAsync()
    {
        var listed = (await List.ListAsync(FleetFilter.None, FleetSort.BySerial, PageRequest.First())).Total;
        var searched = (await Search.SearchAsync(null, PageRequest.First())).Total;
        searched.ShouldBe(listed);
        return listed;
    }

    private async Task<long> CountAsync()
    {
        await using var db = TestPostgres.CreateDbContext(_connectionString);
        return await db.Devices.LongCountAsync();
    }

    private async Task InsertAsync(string serial, string region)
    {
        await using var db = TestPostgres.CreateDbContext(_connectionString);
        db.Devices.Add(new Device
        {
            Id = Guid.NewGuid(), Serial = serial, Mac = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..6]),
            Model = "Cam", Firmware = "1.0", Region = region, Status = DeviceStatus.Active, CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(connectionString);
    }
}
