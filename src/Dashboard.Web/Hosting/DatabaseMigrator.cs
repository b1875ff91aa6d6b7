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
}

/// <summary>Runs before the server starts listening, so no request ever meets an old schema. A failure stops start-up.</summary>
internal sealed class MigrationHostedService(
    DatabaseMigrator migrator,
    ReadinessGate gate,
    Microsoft.Extensions.Options.IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var step = gate.Register("migrations");
        if (options.Value.ApplyMigrationsOnStartup)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        step.Complete();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
