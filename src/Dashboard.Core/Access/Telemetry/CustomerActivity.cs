using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>One line of a customer's activity list: what one service asked about one of her cameras in one minute.</summary>
public sealed record CameraActivity(
    DateTime Minute, string Service, string Serial, string Action, bool Allowed, string Reason, long Count);

/// <summary>
/// A customer's activity list, read from <c>device_decision_counts</c> (cluster-wide, written about every second).
/// Callers pass the account of the signed-in customer's claim; nothing here widens the filter.
/// </summary>
public sealed class CustomerActivity(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>The account's decisions, newest minute first.</summary>
    public async Task<Paged<CameraActivity>> ForAccountAsync(
        Guid accountId, PageRequest page, CancellationToken ct = default)
    {
        if (!page.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "Page must be at least 1 and size 1 to 500.");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.DeviceDecisionCounts.LongCountAsync(c => c.AccountId == accountId, ct);
        var items = await Rows(db, accountId)
            .Skip((int)Math.Min(page.Skip, int.MaxValue))
            .Take(page.PageSize)
            .ToListAsync(ct);
        return new Paged<CameraActivity>(total, items);
    }

    /// <summary>The account's activity lines, newest minute first (the page and the data download read the same).</summary>
    internal static IQueryable<CameraActivity> Rows(DashboardDbContext db, Guid accountId) =>
        from c in db.DeviceDecisionCounts.AsNoTracking()
        where c.AccountId == accountId
        join i in db.Integrations on c.IntegrationId equals i.Id into named
        from i in named.DefaultIfEmpty()
        orderby c.Minute descending, i.Name, c.DeviceSerial, c.Action, c.Reason
        select new CameraActivity(
            c.Minute, i == null ? "Removed service" : i.Name, c.DeviceSerial, c.Action,
            c.Decision == "allow", c.Reason, c.Count);
}
