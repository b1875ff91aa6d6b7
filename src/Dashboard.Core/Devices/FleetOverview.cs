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

        // One parallel scan grouped by (model, firmware, region) yields a few hundred rows even at a million
        // devices; the totals and the three breakdowns are summed from those here. Measured at 1M devices this is
        // about twice as fast as GROUPING SETS over the three columns (one hash table instead of three).
        var cells = await db.Devices
            .GroupBy(d => new { d.Model, d.Firmware, d.Region })
            .Select(g => new Cell(g.Key.Model, g.Key.Firmware, g.Key.Region, g.LongCount(), g.LongCount(d => d.OwnerId != null)))
            .ToListAsync(ct);

        var accounts = await db.Accounts.LongCountAsync(ct);
        var activeLinks = await db.AccountLinks.LongCountAsync(l => l.Status == LinkStatus.Active, ct);

        return new FleetSummary(
            Devices: cells.Sum(c => c.Devices),
            OwnedDevices: cells.Sum(c => c.OwnedDevices),
            Accounts: accounts,
            ActiveLinks: activeLinks,
            ByModel: Breakdown(cells, c => c.Model),
            ByFirmware: Breakdown(cells, c => c.Firmware),
            ByRegion: Breakdown(cells, c => c.Region));
    }

    private static List<FleetGroup> Breakdown(List<Cell> cells, Func<Cell, string> dimension) =>
        cells.GroupBy(dimension, StringComparer.Ordinal)
            .Select(g => new FleetGroup(g.Key, g.Sum(c => c.Devices), g.Sum(c => c.OwnedDevices)))
            .OrderByDescending(g => g.Devices)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Devices of one model, firmware and region.</summary>
    private sealed record Cell(string Model, string Firmware, string Region, long Devices, long OwnedDevices);
}
