namespace Dashboard.Core.Devices.Ownership;

/// <summary>When an operation applies to a device's current state; the messages say what to do instead.</summary>
internal static class OwnershipRules
{
    /// <summary>Null when <paramref name="change"/> applies; else why it does not (a 409).</summary>
    public static string? Conflict(OwnershipChange change, string serial, Guid? currentOwner, string? currentOwnerEmail, long version)
    {
        if (change.ExpectedOwnershipVersion is { } expected && expected != version)
        {
            return $"{serial} is at ownership version {version}, not the expected {expected}: its ownership changed since "
                + "it was read. Reload the device and decide again.";
        }
        return change.Kind switch
        {
            OwnershipEventKind.Claimed when currentOwner is not null =>
                $"{serial} is already owned by {currentOwnerEmail}: transfer it instead of claiming it.",
            OwnershipEventKind.Transferred when currentOwner is null =>
                $"{serial} has no owner: claim it instead of transferring it.",
            OwnershipEventKind.Transferred when currentOwner == change.Account =>
                $"{serial} is already owned by {currentOwnerEmail}: a transfer needs another account.",
            OwnershipEventKind.Released when currentOwner is null =>
                $"{serial} has no owner: there is nothing to release.",
            _ => null,
        };
    }

    public static string ConcurrentChange(string serial) =>
        $"{serial} was changed by another request at the same moment, and that change won; nothing was changed by this "
        + "one. Reload the device and decide again.";

    public static string AuditAction(OwnershipEventKind kind) => kind switch
    {
        OwnershipEventKind.Claimed => "device.claimed",
        OwnershipEventKind.Transferred => "device.transferred",
        OwnershipEventKind.Released => "device.released",
    };
}
