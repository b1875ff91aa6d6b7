using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy.Erasers;

/// <summary>
/// Staff access records name the customer by account id, which stays (the record of who read what is kept); only the
/// text staff typed (a reason, an export's filter such as <c>actor=alice@…</c>) may name the person. Names are replaced
/// only in records about the account, emails and phones everywhere, as in <see cref="FreeTextEraser"/>. The table is
/// append-only; the database lets exactly this change through during an erasure (decision 0029).
/// </summary>
internal sealed class StaffAccessRecordEraser : IPersonalDataEraser
{
    public async Task<ErasureStep> EraseAsync(DashboardDbContext db, ErasureSubject subject, CancellationToken ct)
    {
        var (contacts, all, r, id) = (subject.ContactPattern, subject.IdentifierPattern, subject.Pseudonym, subject.AccountId);
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE staff_access_records SET
                reason = regexp_replace(reason, p.pattern, {r}, 'gi'),
                export_filter = regexp_replace(export_filter, p.pattern, {r}, 'gi')
            FROM (SELECT s.id, CASE WHEN s.account_id = {id} THEN {all} ELSE {contacts} END AS pattern
                  FROM staff_access_records s) p
            WHERE p.id = staff_access_records.id AND (reason ~* p.pattern OR export_filter ~* p.pattern)
            """, ct);
        return new ErasureStep("staff_access_records", changed);
    }
}
