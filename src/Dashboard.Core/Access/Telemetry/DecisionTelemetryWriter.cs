using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>
/// Writes what <see cref="DecisionTelemetry"/> gathered: counters are added to <c>decision_counters</c> (upsert that
/// adds, so every instance contributes to the same cluster-wide rows) and not_owner decisions are inserted in batches.
/// A failed write is kept for the next flush; not_owner decisions beyond the queue's capacity are dropped and counted.
/// Flushes are serialized: the shutdown flush may start while a timed-out loop's flush is still running.
/// </summary>
public sealed class DecisionTelemetryWriter(
    DecisionTelemetry telemetry,
    IDbContextFactory<DashboardDbContext> contexts,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<DecisionTelemetryWriter> logger)
{
    private readonly List<NotOwnerDecision> retry = [];
    private readonly SemaphoreSlim flushing = new(1, 1);

    /// <summary>Writes everything gathered so far; returns the number of not_owner decisions stored.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        await flushing.WaitAsync(ct);
        try
        {
            await WriteCountersAsync(ct);
            await WriteActivityAsync(ct);
            return await WriteNotOwnerAsync(ct);
        }
        finally
        {
            flushing.Release();
        }
    }

    private async Task WriteCountersAsync(CancellationToken ct)
    {
        var deltas = telemetry.Tally.Drain(time.GetUtcNow());
        if (deltas.Count == 0)
        {
            return;
        }
        var minutes = deltas.Select(d => d.Key.Minute).ToArray();
        var integrations = deltas.Select(d => d.Key.IntegrationId).ToArray();
        var reasons = deltas.Select(d => d.Key.Reason.ToWireName()).ToArray();
        var counts = deltas.Select(d => d.Count).ToArray();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO decision_counters (minute, integration_id, reason, count)
                SELECT * FROM unnest({minutes}, {integrations}, {reasons}, {counts})
                ON CONFLICT (minute, integration_id, reason)
                DO UPDATE SET count = decision_counters.count + excluded.count
                """, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            telemetry.Tally.Restore(deltas);
            TelemetryLog.CountersNotWritten(logger, e, deltas.Count);
        }
        catch (OperationCanceledException)
        {
            telemetry.Tally.Restore(deltas);
            throw;
        }
    }

    private async Task WriteActivityAsync(CancellationToken ct)
    {
        var deltas = telemetry.Activity.Drain(time.GetUtcNow());
        var batchSize = options.Value.BatchSize;
        for (var start = 0; start < deltas.Count; start += batchSize)
        {
            var batch = deltas.GetRange(start, Math.Min(batchSize, deltas.Count - start));
            try
            {
                await UpsertActivityAsync(batch, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                telemetry.Activity.Restore(deltas.Skip(start));
                TelemetryLog.ActivityNotWritten(logger, e, deltas.Count - start);
                return;
            }
            catch (OperationCanceledException)
            {
                telemetry.Activity.Restore(deltas.Skip(start));
                throw;
            }
        }
    }

    private async Task UpsertActivityAsync(List<DeviceActivityDelta> batch, CancellationToken ct)
    {
        var minutes = batch.Select(d => d.Key.Minute).ToArray();
        var accounts = batch.Select(d => d.Key.AccountId).ToArray();
        var integrations = batch.Select(d => d.Key.IntegrationId).ToArray();
        var serials = batch.Select(d => d.Key.Serial).ToArray();
        var actions = batch.Select(d => AccessActionNames.TryGetName(d.Key.Action, out var a) ? a : "unknown").ToArray();
        var decisions = batch.Select(d => (d.Key.Reason == DecisionReason.Allowed ? Decision.Allow : Decision.Deny).ToWireName()).ToArray();
        var reasons = batch.Select(d => d.Key.Reason.ToWireName()).ToArray();
        var counts = batch.Select(d => d.Count).ToArray();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO device_decision_counts
                (minute, account_id, integration_id, device_serial, action, decision, reason, count)
            SELECT * FROM unnest({minutes}, {accounts}, {integrations}, {serials}, {actions}, {decisions}, {reasons}, {counts})
            ON CONFLICT (account_id, minute, integration_id, device_serial, action, decision, reason)
            DO UPDATE SET count = device_decision_counts.count + excluded.count
            """, ct);
    }

    private async Task<int> WriteNotOwnerAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var written = 0;
        // Bounded: one flush never stores more than a queue's worth, so a flood cannot keep the loop here for ever.
        while (written < settings.QueueCapacity)
        {
            var batch = retry.Count > 0 ? TakeRetry(settings.BatchSize) : telemetry.TakeNotOwner(settings.BatchSize);
            if (batch.Count == 0)
            {
                break;
            }
            try
            {
                await InsertAsync(batch, ct);
                written += batch.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Keep(batch, settings.QueueCapacity);
                TelemetryLog.NotOwnerNotWritten(logger, e, batch.Count);
                break;
            }
            catch (OperationCanceledException)
            {
                Keep(batch, settings.QueueCapacity);
                throw;
            }
        }
        return written;
    }

    private async Task InsertAsync(List<NotOwnerDecision> batch, CancellationToken ct)
    {
        var ids = batch.Select(d => d.DecisionId).ToArray();
        var integrations = batch.Select(d => d.IntegrationId).ToArray();
        var accounts = batch.Select(d => d.AccountId).ToArray();
        var serials = batch.Select(d => d.DeviceSerial).ToArray();
        var actions = batch.Select(d => d.Action).ToArray();
        var times = batch.Select(d => d.At).ToArray();
        var correlations = batch.Select(d => d.CorrelationId).ToArray();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO not_owner_decisions (decision_id, integration_id, account_id, device_serial, action, at, correlation_id)
            SELECT * FROM unnest({ids}, {integrations}, {accounts}, {serials}, {actions}, {times}, {correlations})
            """, ct);
    }

    private List<NotOwnerDecision> TakeRetry(int max)
    {
        var take = Math.Min(max, retry.Count);
        var batch = retry.GetRange(0, take);
        retry.RemoveRange(0, take);
        return batch;
    }

    /// <summary>Keeps a failed batch for the next flush, dropping (and counting) the oldest beyond the capacity.</summary>
    private void Keep(List<NotOwnerDecision> batch, int capacity)
    {
        retry.InsertRange(0, batch);
        var excess = retry.Count - capacity;
        if (excess > 0)
        {
            retry.RemoveRange(0, excess);
            telemetry.CountDropped(excess);
        }
    }
}
