using Dashboard.Core.Access.Telemetry;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Runs <see cref="TelemetryRetention"/> every <see cref="TelemetryOptions.PruneInterval"/>. Not at start: an instance restarted in a
/// loop should not add a table scan to each start, and in steady state a pass deletes about one interval's worth of rows.
/// </summary>
internal sealed partial class TelemetryRetentionService(
    TelemetryRetention retention,
    IOptions<TelemetryOptions> options,
    TimeProvider clock,
    ILogger<TelemetryRetentionService> logger) : PeriodicService(options.Value.PruneInterval, clock)
{
    // Stopping between passes is fine: the next start prunes what is left.
    protected override Task TickAsync(CancellationToken ct) => PruneAsync(ct);

    private async Task PruneAsync(CancellationToken ct)
    {
        try
        {
            if (await retention.PruneAsync(ct) is { } pruned)
            {
                LogPruned(logger, pruned.NotOwnerDecisions, pruned.DecisionCounters, pruned.DeviceDecisionCounts);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Pruning is housekeeping: a failure (the database restarting, say) waits for the next interval.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pruned telemetry past retention: {NotOwner} not_owner decision(s), {Counters} counter(s), {Activity} activity count(s)")]
    private static partial void LogPruned(ILogger logger, int notOwner, int counters, int activity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning telemetry failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
