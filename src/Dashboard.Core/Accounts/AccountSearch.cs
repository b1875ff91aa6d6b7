using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Accounts;

/// <summary>
/// Account look-up for the staff API and the support search page: email prefix (case-insensitive) or exact id.
/// </summary>
public sealed class AccountSearch(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>Matching accounts ordered by email (byte order), each with the number of devices it owns.</summary>
    public async Task<Paged<AccountSummary>> SearchAsync(string? query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var term = AccountSearchTerm.Parse(query);

        long total;
        IQueryable<Account> rows;
        if (term is null)
        {
            total = await db.Accounts.LongCountAsync(ct);
            // Walks the email index (text_pattern_ops) in order; see DeviceSearch for why this is raw SQL.
            rows = db.Accounts.FromSql(
                $"SELECT * FROM accounts ORDER BY email USING ~<~ LIMIT {page.PageSize} OFFSET {page.Skip}");
        }
        else
        {
            var matching = Matching(db, term);
            total = await matching.LongCountAsync(ct);
            rows = matching
                .OrderBy(a => EF.Functions.Collate(a.Email, TextOrder.Collation))
                .Skip(DeviceSearch.SkipOf(page))
                .Take(page.PageSize);
        }

        if (page.Skip >= total)
        {
            return new Paged<AccountSummary>(total, []);
        }

        var items = await rows
            .OrderBy(a => EF.Functions.Collate(a.Email, TextOrder.Collation))
            .Select(a => new AccountSummary(
                a.Id, a.Email, a.DisplayName, a.Status, db.Devices.Count(d => d.OwnerId == a.Id)))
            .ToListAsync(ct);
        return new Paged<AccountSummary>(total, items);
    }

    /// <summary>Email prefix LIKE on the <c>text_pattern_ops</c> index, OR the primary key: a bitmap OR of two indexes.</summary>
    internal static IQueryable<Account> Matching(DashboardDbContext db, AccountSearchTerm term)
    {
        var emailPattern = LikePattern.StartsWith(term.EmailPrefix);
        if (term.Id is { } id)
        {
            return db.Accounts.Where(a => EF.Functions.Like(a.Email, emailPattern, LikePattern.Escape) || a.Id == id);
        }
        return db.Accounts.Where(a => EF.Functions.Like(a.Email, emailPattern, LikePattern.Escape));
    }
}
