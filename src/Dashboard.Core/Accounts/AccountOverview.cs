using Dashboard.Core.Access;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Accounts;

/// <summary>An account's link to an integration with the devices it exposes there, ordered by serial.</summary>
public sealed record AccountLinkView(
    string IntegrationKey,
    string IntegrationName,
    LinkStatus Status,
    DateTime LinkedAt,
    DateTime? LastUsedAt,
    AccessActions GrantedActions,
    IReadOnlyList<string> ExposedSerials);

/// <summary>What the account page shows: the account, the devices it owns (paged), its links and their exposures.</summary>
public sealed class AccountOverview(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<AccountSummary?> FindAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new AccountSummary(a.Id, a.Email, a.DisplayName, a.Status, db.Devices.Count(d => d.OwnerId == a.Id)))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The account with exactly this email (trimmed, any case), or null.</summary>
    public async Task<AccountSummary?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        var canonical = Account.CanonicalEmail(email);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking()
            .Where(a => a.Email == canonical)
            .Select(a => new AccountSummary(a.Id, a.Email, a.DisplayName, a.Status, db.Devices.Count(d => d.OwnerId == a.Id)))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Devices the account owns now, ordered by serial (byte order), over the owner index.</summary>
    public async Task<Paged<DeviceSummary>> OwnedDevicesAsync(Guid accountId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owned = db.Devices.AsNoTracking().Where(d => d.OwnerId == accountId);
        var total = await owned.LongCountAsync(ct);
        if (page.Skip >= total)
        {
            return new Paged<DeviceSummary>(total, []);
        }
        var rows = await owned
            .OrderBy(d => EF.Functions.Collate(d.Serial, TextOrder.Collation))
            .Skip(DeviceSearch.SkipOf(page))
            .Take(page.PageSize)
            .Select(d => new { d.Serial, d.Mac, d.Model, d.Firmware, d.Region, d.Status, d.OwnerId, d.Owner!.Email })
            .ToListAsync(ct);
        return new Paged<DeviceSummary>(total, rows
            .Select(r => new DeviceSummary(r.Serial, Device.FormatMac(r.Mac), r.Model, r.Firmware, r.Region, r.Status,
                new AccountRef(r.OwnerId!.Value, r.Email)))
            .ToList());
    }

    /// <summary>Every link of the account (active first, then revoked), each with its exposed devices.</summary>
    public async Task<IReadOnlyList<AccountLinkView>> LinksAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var links = await (
                from l in db.AccountLinks.AsNoTracking()
                where l.AccountId == accountId
                join i in db.Integrations on l.IntegrationId equals i.Id
                select new { l.Id, i.Key, i.Name, l.Status, l.LinkedAt, l.LastUsedAt, l.GrantedActions })
            .ToListAsync(ct);
        var linkIds = links.Select(l => l.Id).ToList();
        var exposures = await (
                from e in db.DeviceExposures.AsNoTracking()
                where linkIds.Contains(e.LinkId)
                join d in db.Devices on e.DeviceId equals d.Id
                select new { e.LinkId, d.Serial })
            .ToListAsync(ct);
        var byLink = exposures.ToLookup(e => e.LinkId, e => e.Serial);
        return links
            .OrderBy(l => l.Status == LinkStatus.Active ? 0 : 1)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .ThenByDescending(l => l.LinkedAt)
            .Select(l => new AccountLinkView(
                l.Key, l.Name, l.Status, l.LinkedAt, l.LastUsedAt, l.GrantedActions,
                byLink[l.Id].Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
