using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Dashboard.Core.Seeding;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Hosting;
using Dashboard.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.IntegrationTests.Seeding;

/// <summary>A fresh, migrated database of its own for one test, with a bulk loader bound to it.</summary>
internal sealed class SeedingDatabase : IAsyncDisposable
{
    private SeedingDatabase(string connectionString, int chunkSize, bool skipRowTriggers, int? commandTimeoutSeconds)
    {
        ConnectionString = connectionString;
        var loaderConnection = commandTimeoutSeconds is { } timeout
            ? new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = timeout }.ConnectionString
            : connectionString;
        Loader = new FleetBulkLoader(
            new DatabaseEndpoint(loaderConnection), new Contexts(connectionString), new AuditLog(TimeProvider.System), new ChangeNotifier(), TimeProvider.System)
        {
            ChunkSize = chunkSize,
            SkipRowTriggers = skipRowTriggers,
        };
    }

    public string ConnectionString { get; }

    public FleetBulkLoader Loader { get; }

    /// <param name="chunkSize">Devices per COPY and merge round (small, so a small fleet takes several rounds).</param>
    /// <param name="skipRowTriggers">The loader's fast path (the test cluster's role is a superuser, so it may).</param>
    /// <param name="commandTimeoutSeconds">A Command Timeout in the connection string the loader is given.</param>
    public static async Task<SeedingDatabase> CreateAsync(
        string hint, int chunkSize = FleetBulkLoader.ChunkDevices, bool skipRowTriggers = true, int? commandTimeoutSeconds = null) =>
        new(await TestPostgres.CreateDatabaseAsync(hint), chunkSize, skipRowTriggers, commandTimeoutSeconds);

    public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(ConnectionString);

    /// <summary>The three demo integrations, as the fixture has them (generated links need them to exist).</summary>
    public async Task AddIntegrationsAsync()
    {
        await using var db = CreateDbContext();
        foreach (var integration in DemoFixture.Integrations)
        {
            db.Integrations.Add(new Integration
            {
                Id = Guid.CreateVersion7(),
                Key = integration.Key,
                Name = integration.Name,
                Kind = integration.Kind,
                Actions = AccessActions.All,
                CreatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Row counts of every table a load writes, the audit log and the policy revision.</summary>
    public async Task<TableCounts> TableCountsAsync()
    {
        await using var db = CreateDbContext();
        return new TableCounts(
            await db.Accounts.LongCountAsync(),
            await db.Devices.LongCountAsync(),
            await db.AccountLinks.LongCountAsync(),
            await db.DeviceExposures.LongCountAsync(),
            await db.OwnershipEvents.LongCountAsync(),
            await db.AuditEntries.LongCountAsync(),
            await PolicyRevisions.CurrentAsync(db),
            await CountAsync("SELECT count(*) FROM pg_class WHERE relname LIKE 'seed_stage_%'"));
    }

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(ConnectionString);

    private sealed class Contexts(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(connectionString);
    }
}

internal sealed record TableCounts(
    long Accounts, long Devices, long Links, long Exposures, long OwnershipEvents, long AuditEntries, long Revision, long StagingTables);
