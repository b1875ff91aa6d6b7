using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy.Erasers;

/// <summary>
/// Text typed by staff that may name the person (ownership reasons, kill switch reasons and incidents): each
/// identifier is replaced by the pseudonym where it occurs; the rest of the text stays. Ownership events are
/// append-only; the database lets this one kind of change through only during an erasure (decision 0029).
/// </summary>
internal sealed class FreeTextEraser : IPersonalDataEraser
{
    public async Task<ErasureStep> EraseAsync(DashboardDbContext db, ErasureSubject subject, CancellationToken ct)
    {
        var (p, r) = (subject.Pattern, subject.Pseudonym);
        var changed = await db.Database.ExecuteSqlAsync(
            $"UPDATE ownership_events SET reason = regexp_replace(reason, {p}, {r}, 'gi') WHERE reason ~* {p}", ct);
        changed += await db.Database.ExecuteSqlAsync(
            $"UPDATE kill_switches SET reason = regexp_replace(reason, {p}, {r}, 'gi') WHERE reason ~* {p}", ct);
        changed += await db.Database.ExecuteSqlAsync(
            $"UPDATE kill_switches SET lift_reason = regexp_replace(lift_reason, {p}, {r}, 'gi') WHERE lift_reason ~* {p}", ct);
        changed += await db.Database.ExecuteSqlAsync(
            $"UPDATE kill_switches SET incident = regexp_replace(incident, {p}, {r}, 'gi') WHERE incident ~* {p}", ct);
        // An ownership change the person made themselves names them by email as its actor.
        changed += await db.OwnershipEvents.Where(e => e.ActorUserId != null && subject.UserIds.Contains(e.ActorUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorLabel, subject.Pseudonym), ct);
        return new ErasureStep("free_text", changed);
    }
}
