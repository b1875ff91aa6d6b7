using Dashboard.Core.Devices;

namespace Dashboard.Core.Access;

/// <summary>
/// One question from a bridge: may <see cref="IntegrationId"/> do <see cref="Action"/> on the camera
/// <see cref="Serial"/> on behalf of <see cref="AccountId"/>? The integration is the authenticated caller, never a
/// value from the request body.
/// </summary>
public readonly record struct AccessRequest
{
    public AccessRequest(Guid integrationId, Guid accountId, string serial, AccessActions action)
    {
        IntegrationId = integrationId;
        AccountId = accountId;
        // Canonical here, once, so the engine compares serials ordinally and a bridge's casing or spacing never
        // decides anything. A missing serial stays null and the engine answers unknown_device.
        Serial = serial is null ? null! : Device.CanonicalSerial(serial);
        Action = action;
    }

    public Guid IntegrationId { get; }
    public Guid AccountId { get; }

    /// <summary>Canonical: trimmed, upper case.</summary>
    public string Serial { get; }

    /// <summary>Exactly one action; anything else is denied (see <see cref="DecisionEngine"/>).</summary>
    public AccessActions Action { get; }
}
