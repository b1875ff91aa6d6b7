using Dashboard.Core.KillSwitches;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// The per-request part of <see cref="AccessFacts"/>: the account, the device, the account's link to the asking
/// integration and the exposure, read in one statement at <see cref="Revision"/>. This is what the cache holds; the
/// integration and the kill switches come from the <see cref="PolicyCatalog"/>.
/// </summary>
public sealed record SubjectFacts(
    AccountFacts? Account,
    DeviceFacts? Device,
    LinkFacts? Link,
    bool DeviceExposed,
    long Revision)
{
    /// <param name="integration">Null when the integration is unknown: the engine then fails closed.</param>
    public AccessFacts With(IntegrationFacts? integration, IReadOnlyList<DenyingKillSwitch> killSwitches, long revision) =>
        new(Account, Device, integration!, Link, DeviceExposed, killSwitches, revision);
}
