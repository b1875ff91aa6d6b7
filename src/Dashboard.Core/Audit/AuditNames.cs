using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Audit;

/// <summary>Who an id in an audit entry is: a customer account or a staff user, named by email.</summary>
public sealed record AuditName(string Email, bool IsAccount);

/// <summary>
/// Names the people an audit page mentions. Entries keep ids (so personal data stays out of the hash chain); staff
/// read emails. One query per kind for a whole page of entries; an id that names nobody (or somebody erased) is left out.
/// </summary>
public sealed class AuditNames(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<string, AuditName>> ForAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var distinct = ids.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var names = new Dictionary<string, AuditName>(StringComparer.OrdinalIgnoreCase);
        if (distinct.Count == 0)
        {
            return names;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking()
            .Where(u => distinct.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        foreach (var user in users)
        {
            names[user.Id] = new AuditName(user.Email!, IsAccount: false);
        }
        var accountIds = distinct.Select(id => Guid.TryParse(id, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
        if (accountIds.Count > 0)
        {
            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => accountIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Email })
                .ToListAsync(ct);
            foreach (var account in accounts)
            {
                // An account and its customer login share an email; the account is what staff open.
                names[account.Id.ToString()] = new AuditName(account.Email, IsAccount: true);
            }
        }
        return names;
    }
}
