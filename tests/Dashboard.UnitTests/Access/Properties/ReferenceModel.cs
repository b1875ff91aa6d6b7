using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>
/// The contract's decision rules read straight off the raw fleet, deliberately naive and written without looking at
/// the engine: no snapshots, no matcher, no fail-closed cleverness. Only for scopes the API accepts.
/// </summary>
internal static class ReferenceModel
{
    private static readonly Dictionary<AccessActions, string> ActionName = new()
    {
        [AccessActions.Stream] = "stream",
        [AccessActions.Snapshot] = "snapshot",
        [AccessActions.Events] = "events",
        [AccessActions.Control] = "control",
    };

    public static DecisionReason Decide(Fleet fleet, Guid integrationId, Guid accountId, string serial, AccessActions action)
    {
        var account = fleet.Accounts.FirstOrDefault(a => a.Id == accountId);
        if (account == null) return DecisionReason.UnknownAccount;

        var device = fleet.Devices.FirstOrDefault(d => d.Serial.Equals(serial.Trim(), StringComparison.OrdinalIgnoreCase));
        if (device == null) return DecisionReason.UnknownDevice;

        if (device.OwnerId != account.Id) return DecisionReason.NotOwner;

        var integration = fleet.Integrations.Single(i => i.Id == integrationId);
        var switchedOff = fleet.KillSwitches
            .Where(k => k.LiftApprovedAt == null)
            .Any(k => Covers(k.Scope, integration, action, device, account.Id));
        if (switchedOff) return DecisionReason.KillSwitch;

        if (account.Status == AccountStatus.Locked) return DecisionReason.AccountLocked;

        var link = fleet.Links.FirstOrDefault(l =>
            l.AccountId == account.Id && l.IntegrationId == integration.Id && l.Status == LinkStatus.Active);
        if (link == null) return DecisionReason.NotLinked;

        if (!fleet.Exposures.Any(e => e.LinkId == link.Id && e.DeviceId == device.Id)) return DecisionReason.NotExposed;

        if (!integration.Actions.HasFlag(action) || !link.GrantedActions.HasFlag(action)) return DecisionReason.ActionNotGranted;

        return DecisionReason.Allowed;
    }

    /// <summary>A scope read literally: one of the selectors names the integration, every list present holds the value.</summary>
    public static bool Covers(KillSwitchScope s, Integration integration, AccessActions action, Device device, Guid accountId)
    {
        var kind = integration.Kind == IntegrationKind.Assistant ? "assistant" : "automation";
        return (s.AllIntegrations || s.Integration == integration.Key || s.IntegrationKind == kind)
            && (s.Actions == null || s.Actions.Contains(ActionName[action]))
            && (s.Models == null || s.Models.Contains(device.Model))
            && (s.Firmware == null || s.Firmware.Contains(device.Firmware))
            && (s.Regions == null || s.Regions.Contains(device.Region))
            && (s.Accounts == null || s.Accounts.Contains(accountId))
            && (s.Devices == null || s.Devices.Contains(device.Serial));
    }
}
