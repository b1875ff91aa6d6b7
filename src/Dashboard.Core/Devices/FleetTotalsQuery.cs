using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Devices;

/// <summary>
/// Reads the maintained device total (<see cref="FleetTotals"/>): exact, and as of the reader's snapshot like a
/// count(*) would be, because the triggers change it in the same transaction as the devices themselves.
/// </summary>
public static class FleetTotalsQuery
{
    public const string DevicesSql = "SELECT devices AS \"Value\" FROM fleet_totals WHERE id = 1";

    public static Task<long> DevicesAsync(DashboardDbContext db, CancellationToken ct = default) =>
        db.FleetTotals.Where(t => t.Id == FleetTotals.SingletonId).Select(t => t.Devices).SingleAsync(ct);
}
