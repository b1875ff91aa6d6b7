using Dashboard.Core.Devices;
using Dashboard.Core.KillSwitches;

namespace Dashboard.Web.Auth.Resources;

// The facts each handler judges, and nothing more: read from the database by ResourceFacts, or taken from what a page
// already loaded. Handlers never query, so they are pure and tested without a database.

/// <summary>A device: its canonical serial and its owner (null when unowned).</summary>
public sealed record DeviceResource(string Serial, Guid? OwnerId)
{
    public static DeviceResource Of(DeviceDetails device) => new(device.Serial, device.Owner?.Id);
}

/// <summary>A customer account, by id: who may act on it follows from the id alone (a customer owns their own).</summary>
public sealed record AccountResource(Guid Id);

/// <summary>An account's link to an integration.</summary>
public sealed record LinkResource(Guid Id, Guid AccountId, string IntegrationKey);

/// <summary>
/// A kill switch, or <see cref="Any"/> for what is asked before one exists (preview, fire) or of the whole list.
/// <see cref="LiftRequestedBy"/> is the user id of the admin who asked for the pending lift.
/// </summary>
public sealed record KillSwitchResource(Guid? Id, KillSwitchStatus? Status, string? LiftRequestedBy)
{
    public static readonly KillSwitchResource Any = new(null, null, null);

    public static KillSwitchResource Of(KillSwitchRecord record) => new(record.Id, record.Status, record.LiftRequestedBy?.Id);
}
