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
        var (contacts, all, r, id, users) =
            (subject.ContactPattern, subject.IdentifierPattern, subject.Pseudonym, subject.AccountId, subject.UserIds.ToArray());
        // Names only where the row is about the account; emails and phone numbers wherever they are.
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE ownership_events SET reason = regexp_replace(reason, {all}, {r}, 'gi')
            WHERE reason ~* {all} AND (from_account_id = {id} OR to_account_id = {id} OR actor_user_id = ANY({users}))
            """, ct);
        changed += await db.Database.ExecuteSqlAsync(
            $"UPDATE ownership_events SET reason = regexp_replace(reason, {contacts}, {r}, 'gi') WHERE reason ~* {contacts}", ct);
        // An ownership change the person made themselves names them by email as its actor.
        changed += await db.OwnershipEvents.Where(e => e.ActorUserId != null && users.Contains(e.ActorUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorLabel, r), ct);

        var idText = subject.AccountIdText;
        changed += await db.Database.ExecuteSqlAsync($"""
            UPDATE kill_switches SET
                reason = regexp_replace(reason, p.pattern, {r}, 'gi'),
                lift_reason = regexp_replace(lift_reason, p.pattern, {r}, 'gi'),
                incident = regexp_replace(incident, p.pattern, {r}, 'gi')
            FROM (SELECT CASE WHEN k.scope::text LIKE '%' || {idText} || '%' THEN {all} ELSE {contacts} END AS pattern, k.id
                  FROM kill_switches k) p
            WHERE p.id = kill_switches.id
              AND (reason ~* p.pattern OR lift_reason ~* p.pattern OR incident ~* p.pattern)
            """, ct);
        return new ErasureStep("free_text", changed);
    }
}
