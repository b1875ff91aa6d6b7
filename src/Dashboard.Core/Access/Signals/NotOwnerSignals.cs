using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Access.Signals;

/// <summary>An integration whose not_owner decisions reached the threshold in at least one minute of the window.</summary>
public sealed record IntegrationSignal(
    Guid IntegrationId, string IntegrationKey, string IntegrationName, long PeakPerMinute, DateTime PeakMinute, long TotalInWindow);

/// <summary>not_owner decisions of one integration in one minute (UTC).</summary>
public sealed record NotOwnerMinute(Guid IntegrationId, string IntegrationKey, string IntegrationName, DateTime Minute, long Count);

/// <summary>One stored not_owner decision, with the names a person reads.</summary>
public sealed record NotOwnerDecisionView(
    string DecisionId,
    string IntegrationKey,
    string IntegrationName,
    Guid AccountId,
    string? AccountEmail,
    string DeviceSerial,
    string Action,
    DateTime At,
    string? CorrelationId);

/// <summary>
/// The cross-tenant signal, read from what every instance wrote: counts from <c>decision_counters</c> (cluster-wide,
/// per minute) and the decisions themselves from <c>not_owner_decisions</c>.
/// </summary>
public sealed class NotOwnerSignals(
    IDbContextFactory<DashboardDbContext> contexts, IOptions<SignalOptions> options, TimeProvider time)
{
    private static readonly string NotOwner = DecisionReason.NotOwner.ToWireName();

    public int Threshold => options.Value.NotOwnerPerMinuteThreshold;

    public TimeSpan Window => options.Value.Window;

    /// <summary>Integrations with a minute at or above <paramref name="threshold"/> (default: the setting) in the window; worst first.</summary>
    public async Task<IReadOnlyList<IntegrationSignal>> AboveThresholdAsync(int? threshold = null, CancellationToken ct = default)
    {
        var limit = threshold ?? Threshold;
        var minutes = await PerMinuteAsync(ct);
        return minutes
            .GroupBy(m => m.IntegrationId)
            .Where(g => g.Max(m => m.Count) >= limit)
            .Select(g =>
            {
                var peak = g.MaxBy(m => m.Count)!;
                return new IntegrationSignal(g.Key, peak.IntegrationKey, peak.IntegrationName, peak.Count, peak.Minute, g.Sum(m => m.Count));
            })
            .OrderByDescending(s => s.PeakPerMinute)
            .ThenBy(s => s.IntegrationKey, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>not_owner counts per integration per minute in the window, newest minute first.</summary>
    public async Task<IReadOnlyList<NotOwnerMinute>> PerMinuteAsync(CancellationToken ct = default)
    {
        var since = WindowStart();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (
            from c in db.DecisionCounters.AsNoTracking()
            join i in db.Integrations.AsNoTracking() on c.IntegrationId equals i.Id into named
            from i in named.DefaultIfEmpty()
            where c.Reason == NotOwner && c.Minute >= since && c.Count > 0
            orderby c.Minute descending, i.Key
            select new NotOwnerMinute(c.IntegrationId, i == null ? "unknown" : i.Key, i == null ? "Unknown integration" : i.Name, c.Minute, c.Count))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>The stored not_owner decisions, newest first, one page at a time.</summary>
    public async Task<Paged<NotOwnerDecisionView>> LatestAsync(PageRequest page, CancellationToken ct = default)
    {
        if (!page.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "Page from 1, page size 1..500.");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.NotOwnerDecisions.LongCountAsync(ct);
        var items = await (
            from d in db.NotOwnerDecisions.AsNoTracking()
            join i in db.Integrations.AsNoTracking() on d.IntegrationId equals i.Id into named
            from i in named.DefaultIfEmpty()
            join a in db.Accounts.AsNoTracking() on d.AccountId equals a.Id into accounts
            from a in accounts.DefaultIfEmpty()
            orderby d.At descending, d.Id descending
            select new NotOwnerDecisionView(
                d.DecisionId,
                i == null ? "unknown" : i.Key,
                i == null ? "Unknown integration" : i.Name,
                d.AccountId,
                a == null ? null : a.Email,
                d.DeviceSerial,
                d.Action,
                d.At,
                d.CorrelationId))
            .Skip((int)Math.Min(page.Skip, int.MaxValue))
            .Take(page.PageSize)
            .ToListAsync(ct);
        return new Paged<NotOwnerDecisionView>(total, items);
    }

    private DateTime WindowStart() => CounterKey.MinuteOf(time.GetUtcNow() - Window + TimeSpan.FromMinutes(1));
}
