using Dashboard.Core.Devices;
using Dashboard.Core.Devices.Ownership;

namespace Dashboard.Web.Components.Pages.Devices;

/// <summary>A text of <c>DevicePage.resx</c> and what fills it in.</summary>
public sealed record OwnershipWords(string Key, params object[] Arguments);

/// <summary>
/// How an ownership change ends, as resource keys of the device page: Core's own problems are English sentences
/// for the API, so the page says the same things in the person's language.
/// </summary>
public static class OwnershipRefusals
{
    /// <summary>
    /// Refusals the page can tell before asking Core (which would refuse them too): the device changed since it was
    /// shown, or a transfer names the current owner. Null when Core is to decide.
    /// </summary>
    public static OwnershipWords? Before(OwnershipChange change, DeviceDetails shown, DeviceDetails current)
    {
        if (current.OwnershipVersion != shown.OwnershipVersion)
        {
            return new("StaleRefusal", current.Serial);
        }
        if (change.Kind == OwnershipEventKind.Transferred && current.Owner is { } owner && owner.Id == change.Account)
        {
            return new("SameOwnerRefusal", current.Serial, owner.Email);
        }
        return null;
    }

    public static OwnershipWords After(OwnershipResult result, DeviceDetails shown) => result.Outcome switch
    {
        OwnershipOutcome.Done when result.Device?.Owner is { } owner => new("DoneOwned", shown.Serial, owner.Email),
        OwnershipOutcome.Done => new("DoneNoOwner", shown.Serial),
        OwnershipOutcome.DeviceNotFound => new("GoneRefusal", shown.Serial),
        OwnershipOutcome.AccountNotFound => new("AccountGoneRefusal"),
        // The page checked the version and the owner just before: a conflict now is a change that won the race.
        OwnershipOutcome.Conflict => new("ConflictRefusal", shown.Serial),
    };
}
