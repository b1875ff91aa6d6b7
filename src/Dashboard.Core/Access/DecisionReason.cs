namespace Dashboard.Core.Access;

/// <summary>
/// Why a decision came out as it did. The deny reasons are declared in the order the engine checks them (the contract's
/// order); <see cref="Allowed"/> comes last so that the default value is a deny reason, never an allow.
/// </summary>
public enum DecisionReason
{
    UnknownAccount,
    UnknownDevice,
    NotOwner,
    KillSwitch,
    AccountLocked,
    NotLinked,
    NotExposed,
    ActionNotGranted,
    Allowed,
}
