using Dashboard.Core.Access;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>
/// Reads facts out of a raw fleet the way a database-backed source does: look-ups only, no decision rules.
/// Prefers the active link and otherwise passes a revoked one, so the engine's handling of revoked links is exercised.
/// </summary>
internal static class FleetFactsSource
{
    public static AccessFacts For(Fleet fleet, Guid integrationId, Guid accountId, string serial)
    {
        var canonical = Device.CanonicalSerial(serial);
        var device = fleet.Devices.SingleOrDefault(d => d.Serial == canonical);
        var link = LinkOf(fleet, integrationId, accountId);
        return new AccessFacts(
            fleet.Accounts.Where(a => a.Id == accountId).Select(AccountFacts.From).SingleOrDefault(),
            device is null ? null : DeviceFacts.From(device),
            IntegrationFacts.From(fleet.Integrations.Single(i => i.Id == integrationId)),
            link is null ? null : LinkFacts.From(link),
            link is not null && device is not null && IsExposed(fleet, link, device),
            DenyingKillSwitch.From(fleet.KillSwitches),
            fleet.Revision);
    }

    public static AccountFleetFacts ForAccount(Fleet fleet, Guid integrationId, Guid accountId)
    {
        var link = LinkOf(fleet, integrationId, accountId);
        return new AccountFleetFacts(
            fleet.Accounts.Where(a => a.Id == accountId).Select(AccountFacts.From).SingleOrDefault(),
            IntegrationFacts.From(fleet.Integrations.Single(i => i.Id == integrationId)),
            link is null ? null : LinkFacts.From(link),
            fleet.Devices
                .Where(d => d.OwnerId == accountId)
                .Select(d => new OwnedDeviceFacts(DeviceFacts.From(d), link is not null && IsExposed(fleet, link, d)))
                .ToArray(),
            DenyingKillSwitch.From(fleet.KillSwitches),
            fleet.Revision);
    }

    private static AccountLink? LinkOf(Fleet fleet, Guid integrationId, Guid accountId) =>
        fleet.Links
            .Where(l => l.AccountId == accountId && l.IntegrationId == integrationId)
            .OrderBy(l => l.Status == LinkStatus.Active ? 0 : 1)
            .FirstOrDefault();

    private static bool IsExposed(Fleet fleet, AccountLink link, Device device) =>
        fleet.Exposures.Any(e => e.LinkId == link.Id && e.DeviceId == device.Id);
}
