using Dashboard.Core.KillSwitches;

namespace Dashboard.Core.Access;

/// <summary>
/// One account's facts for one integration, with the devices it owns, read at one <see cref="Revision"/>: the snapshot
/// a visible-devices answer is decided from. Each device becomes an <see cref="AccessFacts"/> for the engine.
/// </summary>
public sealed record AccountFleetFacts(
    AccountFacts? Account,
    IntegrationFacts Integration,
    LinkFacts? Link,
    IReadOnlyList<OwnedDeviceFacts> Devices,
    IReadOnlyList<DenyingKillSwitch> KillSwitches,
    long Revision)
{
    public AccessFacts ForDevice(DeviceFacts device, bool exposed) =>
        new(Account, device, Integration, Link, exposed, KillSwitches, Revision);
}
