using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Api.Search;

/// <summary>
/// A database with a small, known fleet for the search tests, plus a few thousand filler rows and fresh
/// statistics so the planner chooses as it would on a real fleet. Read-only for the tests.
/// </summary>
public sealed class SearchFleetFixture : IAsyncLifetime
{
    public const int FillerDevices = 6000;
    public const int FillerAccounts = 3000;

    public static readonly Guid OwnerOneId = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid OwnerTwoId = Guid.Parse("22222222-2222-4222-8222-222222222222");

    private string? _connectionString;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>Every query the searches run is recorded, so a test can ask PostgreSQL how it plans them.</summary>
    public CommandCapture Commands { get; } = new();

    public DeviceSearch Devices => new(new Contexts(this));

    public AccountSearch Accounts => new(new Contexts(this));

    public long DeviceCount { get; private set; }

    public long AccountCount { get; private set; }

    public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(ConnectionString);

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("search");
        await using var db = CreateDbContext();

        var now = DateTime.UtcNow;
        db.Accounts.AddRange(
            NewAccount(OwnerOneId, "owner.one@example.test", now),
            NewAccount(OwnerTwoId, "owner.two@example.test", now),
            NewAccount(Guid.NewGuid(), "under_score@example.test", now),
            NewAccount(Guid.NewGuid(), "underxscore@example.test", now),
            NewAccount(Guid.NewGuid(), "nobody@example.test", now));
        db.Devices.AddRange(
            NewDevice("SRCH-0001", "0A1B2C3D4E01", OwnerOneId, now),
            NewDevice("SRCH-0002", "0A1B2C3D4E02", OwnerOneId, now),
            NewDevice("SRCH-0003", "0A1B2C3D4F03", OwnerTwoId, now),
            NewDevice("SRCH-0004", "0A1B2C3D4F04", null, now),
            // A MAC made of the hex letters of "DEMO-CAM": a query for that serial prefix must not find it.
            NewDevice("OTHER-0001", "DECA00000001", null, now),
            NewDevice("ESC%-0001", "0E5C00000001", null, now),
            NewDevice("ESCX-0002", "0E5C00000002", null, now),
            NewDevice("US_-0001", "05A000000001", null, now),
            NewDevice("USA-0002", "05A000000002", null, now));

        var fillerOwners = Enumerable.Range(0, FillerAccounts)
            .Select(i => NewAccount(Guid.NewGuid(), $"filler.{i:D4}@fleet.example", now))
            .ToList();
        db.Accounts.AddRange(fillerOwners);
        db.Devices.AddRange(Enumerable.Range(0, FillerDevices).Select(i => NewDevice(
            $"FILL-{i:D6}", $"F0{i:X10}", i % 4 == 0 ? null : fillerOwners[i % FillerAccounts].Id, now)));
        await db.SaveChangesAsync();

        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        DeviceCount = await db.Devices.LongCountAsync();
        AccountCount = await db.Accounts.LongCountAsync();
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
        }
    }

    private static Account NewAccount(Guid id, string email, DateTime now) => new()
    {
        Id = id, Email = email, DisplayName = email.Split('@')[0], Region = "EU", CreatedAt = now,
    };

    private static Device NewDevice(string serial, string mac, Guid? owner, DateTime now) => new()
    {
        Id = Guid.NewGuid(), Serial = serial, Mac = mac, Model = "Test Camera", Firmware = "1.0.0", Region = "EU",
        OwnerId = owner, OwnershipVersion = owner is null ? 0 : 1, CreatedAt = now,
    };

    private sealed class Contexts(SearchFleetFixture fixture) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<DashboardDbContext>();
            DashboardDb.Configure(options, fixture.ConnectionString);
            options.AddInterceptors(fixture.Commands);
            return new DashboardDbContext(options.Options);
        }
    }
}
