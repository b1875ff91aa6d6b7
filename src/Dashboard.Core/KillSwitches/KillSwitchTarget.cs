using Dashboard.Core.Access;
using Dashboard.Core.Integrations;

namespace Dashboard.Core.KillSwitches;

/// <summary>
/// One request in the terms a kill switch scope is written in: which integration asks, for which action, on which
/// device (model, firmware, region, canonical serial) of which account. A value, so matching allocates nothing.
/// </summary>
public readonly record struct KillSwitchTarget(
    string IntegrationKey,
    IntegrationKind IntegrationKind,
    AccessActions Action,
    string Model,
    string Firmware,
    string Region,
    string Serial,
    Guid AccountId)
{
    /// <summary>The target of a request for <paramref name="accountId"/>, from the facts a decision holds.</summary>
    public static KillSwitchTarget Of(IntegrationFacts integration, AccessActions action, DeviceFacts device, Guid accountId) =>
        new(integration.Key, integration.Kind, action, device.Model, device.Firmware, device.Region, device.Serial, accountId);
}
