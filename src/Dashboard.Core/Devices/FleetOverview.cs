using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Devices;

/// <summary>The fleet at a glance: totals, and device counts by model, firmware and region.</summary>
public sealed record FleetSummary(
    long Devices,
    long OwnedDevices,
    long Accounts,
    long ActiveLinks,
    IReadOnlyList<FleetGroup> ByModel,
    IReadOnlyList<FleetGroup> ByFirmware,
    IReadOnlyList<FleetGroup> ByRegion)
{
    public long UnownedDevices => Devices - OwnedDevices;
}

/// <summary>Devices sharing one model, firmware or region value; largest groups first.</summary>
public sealed record FleetGroup(string Name, long Devices, long OwnedDevices);

public sealed class FleetOverview(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<FleetSummary> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One pass over devices for the total and all three breakdowns: PostgreSQL hashes every grouping set
        // during a single scan, which matters at a million rows where three GROUP BYs would mean three scans.
        var rows = await db.Database.SqlQuery<GroupRow>($"""
            SELECT CASE WHEN grouping(model) = 0 THEN 'model'
                        WHEN grouping(firmware) = 0 THEN 'firmware'
                        WHEN grouping(region) = 0 THEN 'region'
                        ELSE 'total' END AS "Dimension",
                   coalesce(model, firmware, region, '') AS "Name",
                   count(*) AS "Devices",
                   count(owner_id) AS "OwnedDevices"
            FROM devices
            GROUP BY GROUPING SETS ((model), (firmware), (region), ())
            """).ToListAsync(ct);

        var accounts = await db.Accounts.LongCountAsync(ct);
        var activeLinks = await db.AccountLinks.LongCountAsync(l => l.Status == LinkStatus.Active, ct);

        var total = rows.SingleOrDefault(r => r.Dimension == "total");
        return new FleetSummary(
            Devices: total?.Devices ?? 0,
            OwnedDevices: total?.OwnedDevices ?? 0,
            Accounts: accounts,
            ActiveLinks: activeLinks,
            ByModel: Groups(rows, "model"),
            ByFirmware: Groups(rows, "firmware"),
            ByRegion: Groups(rows, "region"));
    }

    private static List<FleetGroup> Groups(List<GroupRow> rows, string dimension) =>
        rows.Where(r => r.Dimension == dimension)
            .OrderByDescending(r => r.Devices)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new FleetGroup(r.Name, r.Devices, r.OwnedDevices))
            .ToList();

    /// <summary>A row of the grouping-sets query; a class with setters so EF can materialize it.</summary>
    private sealed class GroupRow
    {
        public string Dimension { get; init; } = "";
        public string Name { get; init; } = "";
        public long Devices { get; init; }
        public long OwnedDevices { get; init; }
    }
}
