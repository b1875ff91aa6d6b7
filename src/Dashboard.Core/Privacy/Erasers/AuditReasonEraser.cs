using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy.Erasers;

/// <summary>
/// Audit reasons that name the person are cleared (text and salt), which leaves their chained digest, and so the
/// chain, intact. Entries written before reasons were committed by digest chain the text itself: those cannot change
/// without breaking the chain and are counted as kept (decision 0029). Chained data names people by id only.
/// </summary>
internal sealed class AuditReasonEraser : IPersonalDataEraser
{
    public async Task<ErasureStep> EraseAsync(DashboardDbContext db, ErasureSubject subject, CancellationToken ct)
    {
        var (contacts, all, idText, users) = (subject.ContactPattern, subject.IdentifierPattern, subject.AccountIdText, subject.UserIds.ToArray());
        // Names only in entries about the account (it is the entity, its id is in the data, or it acted).
        var cleared = await db.Database.ExecuteSqlAsync($"""
            UPDATE audit_entries SET reason = NULL, reason_salt = NULL
            WHERE reason_digest IS NOT NULL
              AND (reason ~* {contacts}
                   OR (reason ~* {all} AND (entity_id = {idText} OR strpos(data, {idText}) > 0 OR actor = ANY({users}))))
            """, ct);
        var kept = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM audit_entries
            WHERE (reason_digest IS NULL AND reason ~* {contacts}) OR data ~* {contacts}
            """).SingleAsync(ct);
        return new ErasureStep("audit_reasons", cleared, kept,
            kept == 0 ? null : "entries written before reasons were kept outside the chain still name the person");
    }
}
