using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>Rows each telemetry table lost to one pruning pass.</summary>
public sealed record PrunedTelemetry(int NotOwnerDecisions, int DecisionCounters, int DeviceDecisionCounts);

/// <summary>
/// Deletes decision telemetry past its retention (<see cref="TelemetryOptions"/>), so the tables written on every
/// decision do not grow without bound. Only telemetry: state changes and the audit log are never pruned.
/// </summary>
public sealed class TelemetryRetention(
    IDbContextFactory<DashboardDbContext> contexts,
    IOptions<TelemetryOptions> options,
    TimeProvider clock)
{
    /// <summary>Arbitrary constant naming the pruning lock (pg_try_advisory_xact_lock).</summary>
    internal const long PruneLockKey = 0x5052_554E_4500_0001;

    /// <summary>Prunes once; null when another instance is pruning right now (one pass at a time is enough).</summary>
    public async Task<PrunedTelemetry?> PruneAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var notOwnerCutoff = now - settings.NotOwnerRetention;
        var counterCutoff = now - settings.CounterRetention;

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({PruneLockKey}) AS \"Value\"").SingleAsync(ct);
        if (!mine)
        {
            return null;
        }
        var pruned = new PrunedTelemetry(
            await db.NotOwnerDecisions.Where(d => d.At < notOwnerCutoff).ExecuteDeleteAsync(ct),
            await db.DecisionCounters.Where(c => c.Minute < counterCutoff).ExecuteDeleteAsync(ct),
            await db.DeviceDecisionCounts.Where(c => c.Minute < counterCutoff).ExecuteDeleteAsync(ct));
        await transaction.CommitAsync(ct);
        return pruned;
    }
}
