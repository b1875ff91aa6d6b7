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
        var rows = db.DeviceDecisionCounts.AsNoTracking().Where(c => c.AccountId == accountId);
        var total = await rows.LongCountAsync(ct);
        var items = await (
                from c in rows
                join i in db.Integrations on c.IntegrationId equals i.Id into named
                from i in named.DefaultIfEmpty()
                orderby c.Minute descending, i.Name, c.DeviceSerial, c.Action, c.Reason
                select new CameraActivity(
                    c.Minute, i == null ? "Removed service" : i.Name, c.DeviceSerial, c.Action,
                    c.Decision == "allow", c.Reason, c.Count))
            .Skip((int)Math.Min(page.Skip, int.MaxValue))
            .Take(page.PageSize)
            .ToListAsync(ct);
        return new Paged<CameraActivity>(total, items);
    }
}
