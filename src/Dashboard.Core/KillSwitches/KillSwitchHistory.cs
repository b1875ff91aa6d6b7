using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.KillSwitches;

/// <summary>
/// Reads kill switches for the admin pages: newest first, with who fired, asked to lift and approved named by email.
/// Changes go through <see cref="KillSwitchService"/>; this only reads.
/// </summary>
public sealed class KillSwitchHistory(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<Paged<KillSwitchRecord>> ListAsync(KillSwitchListFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var switches = filter == KillSwitchListFilter.Denying
            ? db.KillSwitches.AsNoTracking().Where(k => k.LiftApprovedAt == null)
            : db.KillSwitches.AsNoTracking().Where(k => k.LiftApprovedAt != null);
        var total = await switches.LongCountAsync(ct);
        if (page.Skip >= total)
        {
            return new Paged<KillSwitchRecord>(total, []);
        }
        // Lifted switches read newest lift first: that is the order an incident review asks about.
        var ordered = filter == KillSwitchListFilter.Denying
            ? switches.OrderByDescending(k => k.ActivatedAt).ThenByDescending(k => k.Id)
            : switches.OrderByDescending(k => k.LiftApprovedAt).ThenByDescending(k => k.Id);
        var rows = await ordered.Skip((int)Math.Min(page.Skip, int.MaxValue)).Take(page.PageSize).ToListAsync(ct);

        var userIds = rows
            .SelectMany(k => new[] { k.ActivatedBy, k.LiftRequestedBy, k.LiftApprovedBy })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var emails = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email })
            .ToDictionaryAsync(u => u.Id, u => u.Email, StringComparer.Ordinal, ct);

        StaffMember Person(string id) => new(id, emails.GetValueOrDefault(id) ?? id);
        StaffMember? Maybe(string? id) => id is null ? null : Person(id);

        var items = rows.Select(k => new KillSwitchRecord(
            k.Id, k.Scope, k.Reason, k.Incident, k.Status, k.Revision,
            Person(k.ActivatedBy), k.ActivatedAt,
            Maybe(k.LiftRequestedBy), k.LiftRequestedAt, k.LiftReason,
            Maybe(k.LiftApprovedBy), k.LiftApprovedAt)).ToArray();
        return new Paged<KillSwitchRecord>(total, items);
    }
}
