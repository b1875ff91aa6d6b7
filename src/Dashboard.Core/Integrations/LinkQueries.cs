using Dashboard.Core.Access;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Integrations;

/// <summary>One active link of an account, as the customer and support pages show it.</summary>
/// <param name="Cameras">Every camera the account owns, each with whether this link may see it; ordered by serial.</param>
public sealed record LinkedService(
    Guid LinkId,
    string IntegrationKey,
    string IntegrationName,
    IntegrationKind Kind,
    DateTime LinkedAt,
    DateTime? LastUsedAt,
    AccessActions GrantedActions,
    IReadOnlyList<CameraExposure> Cameras);

public sealed record CameraExposure(string Serial, string Model, bool Exposed);

/// <summary>A camera the account owns, with the names of the services its active links let see it (by name).</summary>
public sealed record OwnedCamera(string Serial, string Model, string Firmware, string Region, IReadOnlyList<string> VisibleTo);

/// <summary>Reads an account's links. Every query is filtered by the account the caller acts for.</summary>
public sealed class LinkQueries(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>The account's active links, by integration name, with every camera it owns and its exposure.</summary>
    public async Task<IReadOnlyList<LinkedService>> ForAccountAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var links = await (
            from l in db.AccountLinks.AsNoTracking()
            join i in db.Integrations on l.IntegrationId equals i.Id
            where l.AccountId == accountId && l.Status == LinkStatus.Active
            orderby i.Name, i.Key
            select new { l.Id, i.Key, i.Name, i.Kind, l.LinkedAt, l.LastUsedAt, Granted = l.GrantedActions & i.Actions })
            .ToListAsync(ct);
        if (links.Count == 0)
        {
            return [];
        }
        var cameras = await db.Devices.AsNoTracking()
            .Where(d => d.OwnerId == accountId)
            .OrderBy(d => d.Serial)
            .Select(d => new { d.Id, d.Serial, d.Model })
            .ToListAsync(ct);
        var linkIds = links.Select(l => l.Id).ToArray();
        var cameraIds = cameras.Select(c => c.Id).ToArray();
        // Only exposures of devices the account still owns count; others are stale and decide nothing.
        var exposures = (await db.DeviceExposures.AsNoTracking()
                .Where(e => linkIds.Contains(e.LinkId) && cameraIds.Contains(e.DeviceId))
                .Select(e => new { e.LinkId, e.DeviceId })
                .ToListAsync(ct))
            .Select(e => (e.LinkId, e.DeviceId))
            .ToHashSet();
        return links.Select(l => new LinkedService(
                l.Id, l.Key, l.Name, l.Kind, l.LinkedAt, l.LastUsedAt, l.Granted,
                cameras.Select(c => new CameraExposure(c.Serial, c.Model, exposures.Contains((l.Id, c.Id)))).ToArray()))
            .ToArray();
    }

    /// <summary>The cameras the account owns, by serial, each with the services that may see it now.</summary>
    public async Task<IReadOnlyList<OwnedCamera>> CamerasAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var devices = await db.Devices.AsNoTracking()
            .Where(d => d.OwnerId == accountId)
            .OrderBy(d => d.Serial)
            .Select(d => new { d.Id, d.Serial, d.Model, d.Firmware, d.Region })
            .ToListAsync(ct);
        var deviceIds = devices.Select(d => d.Id).ToArray();
        // Only the account's own active links count (an exposure left by a previous owner decides nothing).
        var visible = await (
                from e in db.DeviceExposures.AsNoTracking()
                join l in db.AccountLinks on e.LinkId equals l.Id
                join i in db.Integrations on l.IntegrationId equals i.Id
                where l.AccountId == accountId && l.Status == LinkStatus.Active && deviceIds.Contains(e.DeviceId)
                orderby i.Name
                select new { e.DeviceId, i.Name })
            .ToListAsync(ct);
        return devices
            .Select(d => new OwnedCamera(d.Serial, d.Model, d.Firmware, d.Region,
                visible.Where(v => v.DeviceId == d.Id).Select(v => v.Name).ToArray()))
            .ToArray();
    }
}
