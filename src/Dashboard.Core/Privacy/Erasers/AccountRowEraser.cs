using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy.Erasers;

/// <summary>
/// The account row keeps its id (everything else refers to it) and takes the pseudonym as email and name. It is also
/// locked, so that a link a bridge reports for it later is denied (fail closed).
/// </summary>
internal sealed class AccountRowEraser : IPersonalDataEraser
{
    public async Task<ErasureStep> EraseAsync(DashboardDbContext db, ErasureSubject subject, CancellationToken ct)
    {
        var changed = await db.Accounts.Where(a => a.Id == subject.AccountId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Email, subject.PseudonymEmail)
                .SetProperty(a => a.DisplayName, subject.Pseudonym)
                .SetProperty(a => a.Status, AccountStatus.Locked)
                .SetProperty(a => a.ErasedAt, subject.ErasedAt), ct);
        return new ErasureStep("accounts", changed);
    }
}
