using Dashboard.Core.KillSwitches;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>Random kill switch scopes over a fleet's own values, so that narrowings hit and miss often.</summary>
internal static class ScopeGenerators
{
    public static readonly string[] ActionNames = ["stream", "snapshot", "events", "control"];

    /// <summary>Scopes the API would accept (one selector, known kinds and actions, non-empty lists); keys may be retired.</summary>
    public static Gen<KillSwitchScope> Valid(Fleet fleet) =>
        from selector in Gen.Choose(0, 2)
        from key in Gen.Elements(fleet.Integrations.Select(i => i.Key).Append("retired-bridge").ToArray())
        from kind in Gen.Elements("assistant", "automation")
        from actions in Narrowing(ActionNames)
        from models in Narrowing(FleetGenerators.Models)
        from firmware in Narrowing(FleetGenerators.Firmware)
        from regions in Narrowing(FleetGenerators.Regions)
        from accounts in Narrowing(fleet.Accounts.Select(a => a.Id).ToArray())
        from devices in Narrowing(fleet.Devices.Select(d => d.Serial).Append("OTHER-0001").ToArray())
        select new KillSwitchScope
        {
            Integration = selector == 0 ? key : null,
            IntegrationKind = selector == 1 ? kind : null,
            AllIntegrations = selector == 2,
            Actions = actions,
            Models = models,
            Firmware = firmware,
            Regions = regions,
            Accounts = accounts,
            Devices = devices,
        };

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

    private static Gen<IReadOnlyList<T>?> Narrowing<T>(IReadOnlyList<T> pool) =>
        Gen.Frequency(
            (2, Gen.Constant<IReadOnlyList<T>?>(null)),
            (1, Gen.NonEmptyListOf(Gen.Elements<T>(pool)).Select(values => (IReadOnlyList<T>?)values.Distinct().ToArray())));

    // Keeps the list, empties it, or slips a bad entry into it.
    private static Gen<IReadOnlyList<string>?> Junk(IReadOnlyList<string>? list, string[] badEntries) =>
        Gen.Frequency(
            (3, Gen.Constant(list)),
            (1, Gen.Constant<IReadOnlyList<string>?>(Array.Empty<string>())),
            (1, Gen.Elements(badEntries).Select(bad => (IReadOnlyList<string>?)[.. list ?? [], bad])));
}
