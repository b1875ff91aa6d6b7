using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Hosting;

public sealed class DatabaseMigrator(IDbContextFactory<DashboardDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date");
            return;
        }
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Refuses to serve on a schema this build does not expect: without it the first query fails deep inside some
    /// service with "relation ... does not exist" instead of saying what to do.
    /// </summary>
    public async Task EnsureUpToDateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new SchemaOutOfDateException(pending);
        }
    }
}

public sealed class SchemaOutOfDateException(IReadOnlyList<string> pending) : Exception(
    $"The database schema is not up to date: {pending.Count} migration(s) pending ({string.Join(", ", pending)}). "
    + "Set Database__ApplyMigrationsOnStartup=true, or apply migrations/sql/migrations.sql, then start again.")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}

/// <summary>Runs before the server starts listening, so no request ever meets an old schema. A failure stops start-up.</summary>
internal sealed class MigrationHostedService(
    DatabaseMigrator migrator,
    ReadinessGate gate,
    Microsoft.Extensions.Options.IOptions<DatabaseOptions> options,
    ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var step = gate.Register("migrations");
        if (options.Value.ApplyMigrationsOnStartup)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        else
        {
            try
            {
                await migrator.EnsureUpToDateAsync(cancellationToken);
            }
            catch (SchemaOutOfDateException e)
            {
                logger.LogCritical("{Message}", e.Message);
                throw;
            }
        }
        step.Complete();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
