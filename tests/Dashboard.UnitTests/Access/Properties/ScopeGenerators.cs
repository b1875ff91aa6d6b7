using Dashboard.Core.KillSwitches;
using FsCheck;
using FsCheck.Fluent;
using Dashboard.Tests.Shared;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>Random kill switch scopes over a fleet's own values, so that narrowings hit and miss often.</summary>
internal static class ScopeGenerators
{
    public static readonly string[] ActionNames = ValidScopes.ActionNames;

    /// <summary>Scopes the API would accept (one selector, known kinds and actions, non-empty lists); keys may be retired.</summary>
    public static Gen<KillSwitchScope> Valid(Fleet fleet) =>
        ValidScopes.Of(new ValidScopes.Pools(
            [.. fleet.Integrations.Select(i => i.Key), "retired-bridge"], FleetGenerators.Models, FleetGenerators.Firmware,
            FleetGenerators.Regions, [.. fleet.Accounts.Select(a => a.Id)], [.. fleet.Devices.Select(d => d.Serial), "OTHER-0001"]));

    /// <summary>Anything a corrupted or hand-edited row could hold: any selector combination, junk values, empty lists.</summary>
    public static Gen<KillSwitchScope> Any(Fleet fleet) =>
        from valid in Valid(fleet)
        from selectors in Gen.Choose(0, 7)
        from key in Gen.Elements(fleet.Integrations.Select(i => i.Key).Concat(["", "  ", "GOOGLE-ASSISTANT", "retired-bridge"]).ToArray())
        from kind in Gen.Elements("assistant", "automation", "robot", "Assistant", "")
        from actions in Junk(valid.Actions, ["Stream", "fly", "", null!])
        from models in Junk(valid.Models, ["", " ", null!])
        from regions in Junk(valid.Regions, ["", null!])
        from devices in Junk(valid.Devices, ["", null!])
        from mangle in Gen.Elements(true, false)
        select mangle
            ? valid with
            {
                Integration = (selectors & 1) != 0 ? key : null,
                IntegrationKind = (selectors & 2) != 0 ? kind : null,
                AllIntegrations = (selectors & 4) != 0,
                Actions = actions,
                Models = models,
                Regions = regions,
                Devices = devices,
            }
            : valid;

    // Keeps the list, empties it, or slips a bad entry into it.
    private static Gen<IReadOnlyList<string>?> Junk(IReadOnlyList<string>? list, string[] badEntries) =>
        Gen.Frequency(
            (3, Gen.Constant(list)),
            (1, Gen.Constant<IReadOnlyList<string>?>(Array.Empty<string>())),
            (1, Gen.Elements(badEntries).Select(bad => (IReadOnlyList<string>?)[.. list ?? [], bad])));
}
