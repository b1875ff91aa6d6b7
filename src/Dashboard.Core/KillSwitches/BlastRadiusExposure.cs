using Dashboard.Core.Access;

namespace Dashboard.Core.KillSwitches;

/// <summary>
/// One exposure a kill switch could cut off: its link is active and its device is owned by the link's account, with
/// the columns the blast radius filters on copied from the link and the device. Written only by triggers in the
/// transactions that change exposures, links or devices (<c>migrations/Dashboard.Migrations/BlastRadiusTriggers.cs</c>),
/// so it always equals that join; the blast radius reads this one table instead of joining three
/// (docs/decisions/0040-blast-radius-from-maintained-exposures.md). Locked accounts are left to the reader.
/// </summary>
public sealed class BlastRadiusExposure
{
    public Guid LinkId { get; set; }
    public Guid DeviceId { get; set; }
    public Guid AccountId { get; set; }
    public Guid IntegrationId { get; set; }

    /// <summary>The link's grant as stored; the reader intersects it with what the integration offers now.</summary>
    public AccessActions GrantedActions { get; set; }

    public string Model { get; set; } = "";
    public string Firmware { get; set; } = "";
    public string Region { get; set; } = "";
    public string Serial { get; set; } = "";
}
