using Dashboard.Core.KillSwitches;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.Tests.Shared;

/// <summary>
/// Random kill switch scopes the API would accept (one selector, known kinds and actions, non-empty lists) over the
/// values a test fleet holds, so that narrowings hit and miss often. Shared by the unit tests' reference model and the
/// integration tests' blast radius property (the file is linked into both projects).
/// </summary>
internal static class ValidScopes
{
    public static readonly string[] ActionNames = ["stream", "snapshot", "events", "control"];

    /// <summary>A fleet's values: each list a scope may narrow by, and the integration keys it may select.</summary>
    public sealed record Pools(
        IReadOnlyList<string> Keys, IReadOnlyList<string> Models, IReadOnlyList<string> Firmware, IReadOnlyList<string> Regions,
        IReadOnlyList<Guid> Accounts, IReadOnlyList<string> Serials);

    public static Gen<KillSwitchScope> Of(Pools pools) =>
        from selector in Gen.Choose(0, 2)
        from key in Gen.Elements(pools.Keys.ToArray())
        from kind in Gen.Elements("assistant", "automation")
        from actions in Narrowing(ActionNames)
        from models in Narrowing(pools.Models)
        from firmware in Narrowing(pools.Firmware)
        from regions in Narrowing(pools.Regions)
        from accounts in Narrowing(pools.Accounts)
        from devices in Narrowing(pools.Serials)
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

    private static Gen<IReadOnlyList<T>?> Narrowing<T>(IReadOnlyList<T> pool) =>
        Gen.Frequency(
            (2, Gen.Constant<IReadOnlyList<T>?>(null)),
            (1, Gen.NonEmptyListOf(Gen.Elements<T>(pool)).Select(values => (IReadOnlyList<T>?)values.Distinct().ToArray())));
}
