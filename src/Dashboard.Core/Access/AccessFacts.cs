using Dashboard.Core.KillSwitches;

namespace Dashboard.Core.Access;

/// <summary>
/// Everything one decision reads, as an immutable snapshot taken at <see cref="Revision"/>, and nothing more: the
/// engine cannot reach for state that is not here, so a decision can always be explained from its facts.
/// </summary>
/// <param name="Account">The requested account, or null when no such account exists.</param>
/// <param name="Device">The requested camera, or null when no such serial exists.</param>
/// <param name="Integration">The integration whose bridge asks.</param>
/// <param name="Link">The account's link to that integration (active, or else revoked), or null when there is none.</param>
/// <param name="DeviceExposed">Whether the owner exposed the device on that link.</param>
/// <param name="KillSwitches">
/// Every switch that still denies (<see cref="DenyingKillSwitch.From"/>), including those whose lift awaits approval.
/// All of them, not only those that seem to apply: matching is the engine's job, in one place.
/// </param>
/// <param name="Revision">The policy revision the facts were read at; the decision reports it.</param>
public sealed record AccessFacts(
    AccountFacts? Account,
    DeviceFacts? Device,
    IntegrationFacts Integration,
    LinkFacts? Link,
    bool DeviceExposed,
    IReadOnlyList<DenyingKillSwitch> KillSwitches,
    long Revision);
