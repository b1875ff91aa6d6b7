namespace Dashboard.Core.Devices.Ownership;

/// <summary>
/// One ownership operation as support asks for it. <see cref="Account"/> is the new owner (claim, transfer) and
/// null for a release; <see cref="ExpectedOwnershipVersion"/>, when given, must still be the device's version.
/// </summary>
public sealed record OwnershipChange(
    OwnershipEventKind Kind, string Serial, Guid? Account, string Reason, long? ExpectedOwnershipVersion = null)
{
    public static OwnershipChange Claim(string serial, Guid account, string reason, long? expected = null) =>
        new(OwnershipEventKind.Claimed, serial, account, reason, expected);

    public static OwnershipChange Transfer(string serial, Guid toAccount, string reason, long? expected = null) =>
        new(OwnershipEventKind.Transferred, serial, toAccount, reason, expected);

    public static OwnershipChange Release(string serial, string reason, long? expected = null) =>
        new(OwnershipEventKind.Released, serial, null, reason, expected);
}

public enum OwnershipOutcome
{
    Done,
    DeviceNotFound,

    /// <summary>The new owner named by the request does not exist (a client error: 400, not 404).</summary>
    AccountNotFound,

    /// <summary>The device is not in a state the operation applies to, or changed meanwhile (409).</summary>
    Conflict,
}

/// <summary>What an ownership operation did: <see cref="Device"/> and <see cref="Revision"/> when done, else why not.</summary>
public sealed record OwnershipResult(OwnershipOutcome Outcome, string? Problem = null, DeviceDetails? Device = null, long Revision = 0)
{
    public static OwnershipResult Refused(OwnershipOutcome outcome, string problem) => new(outcome, problem);
}
