using Dashboard.Core.KillSwitches;
using FsCheck;
using FsCheck.Fluent;
using Dashboard.Tests.Shared;

namespace Dashboard.IntegrationTests.KillSwitches.Radius;

/// <summary>Random fleets, histories of changes, and valid scopes over the fleet's own values.</summary>
internal static class RadiusGenerators
{
    private static Gen<int> AnAccount => Gen.Choose(0, RadiusFleet.AccountCount - 1);
    private static Gen<int> AnIntegration => Gen.Choose(0, RadiusFleet.Integrations.Length - 1);
    private static Gen<int> ADevice => Gen.Choose(0, RadiusFleet.DeviceCount - 1);
    private static Gen<int> AGrant => Gen.Choose(0, 15);

    public static Gen<RadiusFleet> Fleets =>
        from owners in Gen.ArrayOf(Gen.Frequency((4, AnAccount.Select(a => (int?)a)), (1, Gen.Constant<int?>(null))), RadiusFleet.DeviceCount)
        from columns in Gen.ArrayOf(
            from m in Gen.Choose(0, RadiusFleet.Models.Length - 1)
            from f in Gen.Choose(0, RadiusFleet.Firmware.Length - 1)
            from r in Gen.Choose(0, RadiusFleet.Regions.Length - 1)
            select (m, f, r), RadiusFleet.DeviceCount)
        from locked in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), RadiusFleet.AccountCount)
        from linked in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false))), Pairs.Length)
        from grants in Gen.ArrayOf(Gen.Choose(1, 15), Pairs.Length)
        from steps in Gen.ListOf(Steps)
        select new RadiusFleet(owners, columns, locked, [.. Start(linked, grants), .. steps.Take(30)]);

    private static readonly (int Account, int Integration)[] Pairs =
        [.. Enumerable.Range(0, RadiusFleet.AccountCount).SelectMany(a => Enumerable.Range(0, RadiusFleet.Integrations.Length).Select(i => (a, i)))];

    /// <summary>Most accounts linked to most integrations, exposing what they own: the history then has something to change.</summary>
    private static IEnumerable<RadiusStep> Start(bool[] linked, int[] grants) =>
        Pairs.Select((pair, n) => (pair, n)).Where(p => linked[p.n]).SelectMany(p => new RadiusStep[]
        {
            new RadiusStep.Link(p.pair.Account, p.pair.Integration, grants[p.n]),
            new RadiusStep.ExposeOwned(p.pair.Account, p.pair.Integration),
        });

    /// <summary>Links and exposures more often than the rest, so the other steps have something to change.</summary>
    private static Gen<RadiusStep> Steps =>
        Gen.Frequency(
            (3, from a in AnAccount from i in AnIntegration from g in AGrant select (RadiusStep)new RadiusStep.Link(a, i, g)),
            (4, from a in AnAccount from i in AnIntegration from d in ADevice select (RadiusStep)new RadiusStep.Expose(a, i, d)),
            (3, from a in AnAccount from i in AnIntegration select (RadiusStep)new RadiusStep.ExposeOwned(a, i)),
            (1, from a in AnAccount from d in ADevice select (RadiusStep)new RadiusStep.Unexpose(a, d)),
            (1, from a in AnAccount from i in AnIntegration select (RadiusStep)new RadiusStep.Unlink(a, i)),
            (1, from a in AnAccount from g in AGrant select (RadiusStep)new RadiusStep.Regrant(a, g)),
            (1, from a in AnAccount from i in AnIntegration select (RadiusStep)new RadiusStep.RemoveLinks(a, i)),
            (2, from d in ADevice from a in AnAccount select (RadiusStep)new RadiusStep.Transfer(d, a)),
            (1, ADevice.Select(d => (RadiusStep)new RadiusStep.Release(d))),
            (1, from f in AnAccount from t in AnAccount select (RadiusStep)new RadiusStep.TransferAll(f, t)),
            (1, from a in AnAccount from l in Gen.Elements(true, false) select (RadiusStep)new RadiusStep.SetLocked(a, l)),
            (1, from d in ADevice from r in Gen.Choose(0, RadiusFleet.Regions.Length - 1) select (RadiusStep)new RadiusStep.MoveRegion(d, r)),
            (1, from i in AnIntegration from m in Gen.Choose(1, 15) select (RadiusStep)new RadiusStep.SetIntegrationActions(i, m)),
            (1, from a in AnAccount from d in ADevice from i in AnIntegration
                from inner in Gen.Elements<RadiusStep>(new RadiusStep.Transfer(d, a), new RadiusStep.Unlink(a, i), new RadiusStep.ExposeOwned(a, i))
                select (RadiusStep)new RadiusStep.RolledBack(inner)));

    /// <summary>Scopes the API would accept, over the fleet's values (and a serial no device has).</summary>
    public static Gen<KillSwitchScope> Scopes => ValidScopes.Of(new ValidScopes.Pools(
        [.. RadiusFleet.Integrations.Select(i => i.Key)], RadiusFleet.Models, RadiusFleet.Firmware, RadiusFleet.Regions,
        [.. Enumerable.Range(0, RadiusFleet.AccountCount).Select(RadiusFleet.AccountId)],
        [.. Enumerable.Range(0, RadiusFleet.DeviceCount).Select(RadiusFleet.Serial), "OTHER-0001"]));

    public static Gen<RadiusCase> Cases =>
        from fleet in Fleets
        from active in Gen.ListOf(Scopes)
        from asked in Gen.NonEmptyListOf(Scopes)
        select new RadiusCase(fleet, [.. active.Take(2)], [.. asked.Take(4)]);
}

/// <summary>A fleet with its history, the switches that deny while the radius is asked, and the scopes asked.</summary>
internal sealed record RadiusCase(RadiusFleet Fleet, IReadOnlyList<KillSwitchScope> Active, IReadOnlyList<KillSwitchScope> Asked)
{
    public override string ToString() =>
        $"{Fleet}\nactive: {string.Join("; ", Active.Select(Describe))}\nasked: {string.Join("; ", Asked.Select(Describe))}";

    public static string Describe(KillSwitchScope s) =>
        $"[{s.Integration ?? s.IntegrationKind ?? (s.AllIntegrations ? "all" : "?")} a={List(s.Actions)} m={List(s.Models)} " +
        $"f={List(s.Firmware)} r={List(s.Regions)} acc={List(s.Accounts)} dev={List(s.Devices)}]";

    private static string List<T>(IReadOnlyList<T>? list) => list is null ? "*" : string.Join("|", list);
}
