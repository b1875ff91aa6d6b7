using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>Decisions with one reason in the period; <see cref="Allowed"/> only for the reason <c>allowed</c>.</summary>
public sealed record ReasonCount(string Reason, long Count)
{
    public bool Allowed => Reason == DecisionReason.Allowed.ToWireName();
}

/// <summary>Decisions of every instance and integration over the last <see cref="Minutes"/> minutes, by reason.</summary>
public sealed record DecisionActivitySummary(int Minutes, IReadOnlyList<ReasonCount> ByReason)
{
    public long Allowed => ByReason.Where(r => r.Allowed).Sum(r => r.Count);

    public long Denied => ByReason.Where(r => !r.Allowed).Sum(r => r.Count);

    public long Total => Allowed + Denied;
}

/// <summary>Recent decisions from <c>decision_counters</c>: cluster-wide (every instance adds to the same rows).</summary>
public sealed class DecisionActivity(IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    /// <summary>The current minute and the <paramref name="minutes"/> - 1 before it; reasons in the contract's order.</summary>
    public async Task<DecisionActivitySummary> LastMinutesAsync(int minutes, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        var since = CounterKey.MinuteOf(time.GetUtcNow()) - TimeSpan.FromMinutes(minutes - 1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.DecisionCounters.AsNoTracking()
            .Where(c => c.Minute >= since)
            .GroupBy(c => c.Reason)
            .Select(g => new { Reason = g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        var byReason = rows
            .Where(r => r.Count > 0)
            .OrderBy(r => DecisionWireNames.TryParseReason(r.Reason, out var reason) ? (int)reason : int.MaxValue)
            .Select(r => new ReasonCount(r.Reason, r.Count))
            .ToList();
        return new DecisionActivitySummary(minutes, byReason);
    }
}
