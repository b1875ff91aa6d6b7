using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.KillSwitches;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Auth.Resources;

/// <summary>Reads the facts a handler judges, for endpoints that have not loaded the resource themselves.</summary>
public sealed class ResourceFacts(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<DeviceResource?> DeviceAsync(string serial, CancellationToken ct = default)
    {
        var canonical = Device.CanonicalSerial(serial);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Devices.AsNoTracking()
            .Where(d => d.Serial == canonical)
            .Select(d => new DeviceResource(d.Serial, d.OwnerId))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<KillSwitchResource?> KillSwitchAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.KillSwitches.AsNoTracking()
            .Where(k => k.Id == id)
            .Select(k => new { k.LiftRequestedAt, k.LiftApprovedAt, k.LiftRequestedBy })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        // The same derivation as KillSwitch.Status, from the two timestamps.
        var status = row.LiftApprovedAt is not null ? KillSwitchStatus.Lifted
            : row.LiftRequestedAt is not null ? KillSwitchStatus.PendingApproval
            : KillSwitchStatus.Active;
        return new KillSwitchResource(id, status, row.LiftRequestedBy);
    }
}
