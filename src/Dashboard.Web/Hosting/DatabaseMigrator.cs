using Dashboard.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Dashboard.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Web.Hosting;

public sealed class DatabaseMigrator(IDbContextFactory<DashboardDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (pending, historyExists) = await PendingAsync(db, ct);
        if (pending.Count == 0)
        {
            HostingLog.SchemaUpToDate(logger);
            return;
        }
        HostingLog.ApplyingMigrations(logger, pending.Count, string.Join(", ", pending));
        if (!historyExists)
        {
            // Npgsql's migrator reads the history table before it creates it and logs the refusal as an Error; made
            // first (IF NOT EXISTS, so an instance racing this one is fine), that read finds an empty table.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Refuses to serve on a schema this build does not expect: without it the first query fails deep inside some
    /// service with "relation ... does not exist" instead of saying what to do.
    /// </summary>
    public async Task EnsureUpToDateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (pending, _) = await PendingAsync(db, ct);
        if (pending.Count > 0)
        {
            throw new SchemaOutOfDateException(pending);
        }
    }

    /// <summary>
    /// The migrations not applied yet. On an empty database every migration is pending, known without reading the
    /// missing history table: that read fails, and EF logs each failed command as an Error although nothing is wrong.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Pending, bool HistoryExists)> PendingAsync(DashboardDbContext db, CancellationToken ct)
    {
        var historyExists = await db.Database
            .SqlQuery<bool>($"SELECT to_regclass({DashboardDb.MigrationsHistoryTable}) IS NOT NULL AS \"Value\"")
            .SingleAsync(ct);
        var pending = historyExists ? await db.Database.GetPendingMigrationsAsync(ct) : db.Database.GetMigrations();
        return (pending.ToList(), historyExists);
    }
}

public sealed class SchemaOutOfDateException(IReadOnlyList<string> pending) : Exception(
    $"The database schema is not up to date: {pending.Count} migration(s) pending ({string.Join(", ", pending)}). "
    + "Set Database__ApplyMigrationsOnStartup=true, or apply migrations/sql/migrations.sql, then start again.")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}

/// <summary>
/// Runs before the server starts listening, so no request ever meets an old schema. A failure stops start-up.
/// Under the <see cref="StartupLock"/> (instances started together take turns), which also covers creating the
/// first Data Protection key: this is the first hosted service, so no other has loaded the key ring yet.
/// </summary>
internal sealed class MigrationHostedService(
    DatabaseMigrator migrator,
    ReadinessGate gate,
    DatabaseEndpoint database,
    IDataProtectionProvider dataProtection,
    Microsoft.Extensions.Options.IOptions<DatabaseOptions> options,
    ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var step = gate.Register("migrations");
        await using (await StartupLock.AcquireAsync(database.ConnectionString, logger, cancellationToken))
        {
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
                    HostingLog.SchemaOutOfDate(logger, e.Message);
                    throw;
                }
            }
            // Loads the key ring, creating the first key if there is none, while other instances still wait: they
            // then load this key instead of each creating one.
            dataProtection.CreateProtector(nameof(MigrationHostedService)).Protect([0]);
        }
        step.Complete();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
