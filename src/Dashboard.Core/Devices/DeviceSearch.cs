using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Devices;

/// <summary>
/// Device look-up for the staff API and the support search page, so both answer the same query the same way:
/// trimmed, case-insensitive; serial prefix, MAC prefix (separators ignored), owner email prefix, owner id exact.
/// </summary>
public sealed class DeviceSearch(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>Matching devices ordered by serial (byte order).</summary>
    public Task<Paged<DeviceSummary>> SearchAsync(string? query, PageRequest page, CancellationToken ct = default) =>
        SearchAsync(query, FleetFilter.None, page, ct: ct);

    /// <summary>
    /// Devices matching the query and the fleet list's filter (both: AND), ordered by serial (byte order). Without a
    /// query this is the fleet list itself, so a filter means the same here as on the fleet page and its export.
    /// </summary>
    /// <remarks>A query's or filter's total is counted up to <see cref="CappedTotal.Limit"/> unless
    /// <paramref name="count"/> asks for every match; the whole fleet's is always exact (a maintained counter).</remarks>
    public async Task<Paged<DeviceSummary>> SearchAsync(
        string? query, FleetFilter filter, PageRequest page, TotalCount count = TotalCount.Capped, CancellationToken ct = default)
    {
        var term = DeviceSearchTerm.Parse(query);
        if (term is null && filter != FleetFilter.None)
        {
            return await new FleetList(contexts).ListAsync(filter, FleetSort.BySerial, page, count, ct);
        }
        await using var db = await contexts.CreateDbContextAsync(ct);

        CountedTotal total;
        IQueryable<Device> rows;
        if (term is null)
        {
            // The maintained counter, not count(*): the whole fleet's count is linear in its size.
            total = new CountedTotal(await FleetTotalsQuery.DevicesAsync(db, ct), Capped: false);
            // ORDER BY ... USING ~<~ walks the serial index (text_pattern_ops) in order, so a page of the whole
            // fleet costs a few index entries instead of sorting a million rows; EF cannot express USING.
            rows = db.Devices.FromSql(
                $"SELECT * FROM devices ORDER BY serial USING ~<~ LIMIT {page.PageSize} OFFSET {page.Skip}");
        }
        else
        {
            var ids = MatchingIds(db, term);
            var matching = Filtered(db.Devices.Where(d => ids.Contains(d.Id)), filter);
            // A short prefix ("a") can match a large part of the fleet: stop counting past the cap.
            total = count == TotalCount.Capped
                ? new CountedTotal(await matching.Take(CappedTotal.ReadAtMost).LongCountAsync(ct), Capped: true)
                : new CountedTotal(await matching.LongCountAsync(ct), Capped: false);
            rows = matching
                .OrderBy(d => EF.Functions.Collate(d.Serial, TextOrder.Collation))
                .Skip(SkipOf(page))
                .Take(page.PageSize);
        }

        if (total.IsPastTheEnd(page))
        {
            return total.Page<DeviceSummary>([]);
        }

        var items = await rows
            .OrderBy(d => EF.Functions.Collate(d.Serial, TextOrder.Collation))
            .Select(d => new
            {
                d.Serial, d.Mac, d.Model, d.Firmware, d.Region, d.Status, d.OwnerId,
                OwnerEmail = d.Owner == null ? null : d.Owner.Email,
            })
            .ToListAsync(ct);

        return total.Page(items
            .Select(r => new DeviceSummary(
                r.Serial, Device.FormatMac(r.Mac), r.Model, r.Firmware, r.Region, r.Status,
                OwnerOf(r.OwnerId, r.OwnerEmail)))
            .ToList());
    }

    /// <summary>The device with this serial (trimmed, any case), or null.</summary>
    public async Task<DeviceDetails?> FindAsync(string serial, CancellationToken ct = default)
    {
        var canonical = Device.CanonicalSerial(serial);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Devices
            .Where(d => d.Serial == canonical)
            .Select(d => new
            {
                d.Id, d.Serial, d.Mac, d.Model, d.Firmware, d.Region, d.Status, d.OwnerId, d.OwnershipVersion,
                OwnerEmail = d.Owner == null ? null : d.Owner.Email,
            })
            .SingleOrDefaultAsync(ct);

        return row is null
            ? null
            : new DeviceDetails(
                row.Id, row.Serial, Device.FormatMac(row.Mac), row.Model, row.Firmware, row.Region, row.Status,
                OwnerOf(row.OwnerId, row.OwnerEmail), row.OwnershipVersion);
    }

    /// <summary>
    /// Ids of the matching devices. Each criterion is its own index-friendly query (prefix LIKE on a
    /// <c>text_pattern_ops</c> index, or the owner index), combined with UNION: one WHERE with OR across the
    /// joined owner table would make PostgreSQL scan the whole devices table.
    /// </summary>
    internal static IQueryable<Guid> MatchingIds(DashboardDbContext db, DeviceSearchTerm term)
    {
        var serialPattern = LikePattern.StartsWith(term.SerialPrefix);
        var ids = db.Devices
            .Where(d => EF.Functions.Like(d.Serial, serialPattern, LikePattern.Escape))
            .Select(d => d.Id);

        if (term.MacPrefix is { } macPrefix)
        {
            var macPattern = LikePattern.StartsWith(macPrefix);
            ids = ids.Union(db.Devices
                .Where(d => EF.Functions.Like(d.Mac, macPattern, LikePattern.Escape))
                .Select(d => d.Id));
        }

        var emailPattern = LikePattern.StartsWith(term.OwnerEmailPrefix);
        ids = ids.Union(
            from a in db.Accounts
            where EF.Functions.Like(a.Email, emailPattern, LikePattern.Escape)
            join d in db.Devices on (Guid?)a.Id equals d.OwnerId
            select d.Id);

        if (term.OwnerId is { } ownerId)
        {
            ids = ids.Union(db.Devices.Where(d => d.OwnerId == ownerId).Select(d => d.Id));
        }

        return ids;
    }

    /// <summary>The fleet list's filter (see <see cref="FleetList"/>): exact values, combined with AND.</summary>
    internal static IQueryable<Device> Filtered(IQueryable<Device> devices, FleetFilter filter)
    {
        if (Value(filter.Model) is { } model)
        {
            devices = devices.Where(d => d.Model == model);
        }
        if (Value(filter.Firmware) is { } firmware)
        {
            devices = devices.Where(d => d.Firmware == firmware);
        }
        if (Value(filter.Region) is { } region)
        {
            devices = devices.Where(d => d.Region == region);
        }
        if (filter.Status is { } status)
        {
            devices = devices.Where(d => d.Status == status);
        }
        if (filter.Owned is { } owned)
        {
            devices = owned ? devices.Where(d => d.OwnerId != null) : devices.Where(d => d.OwnerId == null);
        }
        return devices;
    }

    /// <summary>Blank is no filter and values are trimmed, as in <see cref="FleetList"/>'s SQL.</summary>
    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>EF's Skip takes an int; a page beyond int.MaxValue rows is empty anyway.</summary>
    internal static int SkipOf(PageRequest page) => (int)Math.Min(page.Skip, int.MaxValue);

    private static AccountRef? OwnerOf(Guid? id, string? email) =>
        id is { } ownerId && email is not null ? new AccountRef(ownerId, email) : null;
}
