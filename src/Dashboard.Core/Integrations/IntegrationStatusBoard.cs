using Dashboard.Core.Access;
using Dashboard.Core.Data;
using Dashboard.Core.KillSwitches;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Integrations;

/// <summary>
/// Per integration: active links, devices exposed through them, decisions per minute allowed and denied (from the
/// best-effort <c>decision_counters</c>), and the kill switches that reach it. Reads only.
/// </summary>
public sealed class IntegrationStatusBoard(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public const int DefaultWindowMinutes = 15;

    private static readonly string AllowedReason = DecisionReason.Allowed.ToWireName();

    public async Task<IReadOnlyList<IntegrationStatus>> GetAsync(int windowMinutes = DefaultWindowMinutes, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowMinutes, 1);
        await using var db = await contexts.CreateDbContextAsync(ct);

        var integrations = await db.Integrations.AsNoTracking().OrderBy(i => i.Name).ThenBy(i => i.Key).ToListAsync(ct);

        var activeLinks = db.AccountLinks.Where(l => l.Status == LinkStatus.Active);
        var links = await activeLinks
            .GroupBy(l => l.IntegrationId)
            .Select(g => new { IntegrationId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.IntegrationId, g => g.Count, ct);

        // An exposure counts while its device is still owned by the link's account (what a decision would allow).
        var exposed = await (
                from e in db.DeviceExposures
                join l in activeLinks on e.LinkId equals l.Id
                join d in db.Devices on e.DeviceId equals d.Id
                where d.OwnerId == l.AccountId
                group e.DeviceId by l.IntegrationId into g
                select new { IntegrationId = g.Key, Count = g.Distinct().LongCount() })
            .ToDictionaryAsync(g => g.IntegrationId, g => g.Count, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var since = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(-(windowMinutes - 1));
        var counters = await db.DecisionCounters.AsNoTracking()
            .Where(c => c.Minute >= since)
            .GroupBy(c => new { c.IntegrationId, Allowed = c.Reason == AllowedReason })
            .Select(g => new { g.Key.IntegrationId, g.Key.Allowed, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);

        var denying = await db.KillSwitches.AsNoTracking()
            .Where(k => k.LiftApprovedAt == null)
            .OrderByDescending(k => k.ActivatedAt)
            .ToListAsync(ct);

        return integrations.Select(i => new IntegrationStatus(
                i.Id, i.Key, i.Name, i.Kind,
                links.GetValueOrDefault(i.Id),
                exposed.GetValueOrDefault(i.Id),
                new DecisionRates(
                    windowMinutes,
                    counters.Where(c => c.IntegrationId == i.Id && c.Allowed).Sum(c => c.Count),
                    counters.Where(c => c.IntegrationId == i.Id && !c.Allowed).Sum(c => c.Count)),
                denying
                    .Where(k => KillSwitchMatcher.CoversIntegration(k.Scope, i.Key, i.Kind))
                    .Select(k => new AffectingKillSwitch(k.Id, k.Scope, k.Reason, k.Incident, k.Status, k.ActivatedAt))
                    .ToArray()))
            .ToArray();
    }

    /// <summary>The integrations a scope can name, for pickers: key, name and kind, by name.</summary>
    public async Task<IReadOnlyList<IntegrationChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Integrations.AsNoTracking()
            .OrderBy(i => i.Name).ThenBy(i => i.Key)
            .Select(i => new IntegrationChoice(i.Key, i.Name, i.Kind))
            .ToListAsync(ct);
    }
}

public sealed record IntegrationChoice(string Key, string Name, IntegrationKind Kind);
