using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>
/// Random small fleets: active and locked accounts, owned and unowned devices, integrations of both kinds, links
/// (none, active, revoked, or revoked then relinked) with random granted sets, random exposures (including of devices
/// the account does not own), and kill switches in every lift state.
/// </summary>
internal static class FleetGenerators
{
    public static readonly string[] Models = ["Mi Home Security Camera Basic 1080p", "Mi Home Security Camera 360 2K"];
    public static readonly string[] Firmware = ["3.5.1_00.66", "4.1.6_0312"];
    public static readonly string[] Regions = ["EU", "US"];
    private static readonly string[] Keys = ["google-assistant", "alexa", "ifttt"];
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Fleets whose kill switches all have scopes the API would accept.</summary>
    public static Gen<Fleet> Fleets => Fleet(ScopeGenerators.Valid);

    /// <summary>Fleets whose kill switches may have scopes that cannot be read.</summary>
    public static Gen<Fleet> FleetsWithAnyScopes => Fleet(ScopeGenerators.Any);

    public static Gen<KillSwitch> KillSwitches(Gen<KillSwitchScope> scopes) =>
        from scope in scopes
        from lift in Gen.Elements(KillSwitchStatus.Active, KillSwitchStatus.PendingApproval, KillSwitchStatus.Lifted)
        select new KillSwitch
        {
            Id = Guid.NewGuid(),
            Scope = scope,
            Reason = "property test",
            ActivatedBy = "admin-1",
            ActivatedAt = Epoch,
            LiftRequestedBy = lift == KillSwitchStatus.Active ? null : "admin-1",
            LiftRequestedAt = lift == KillSwitchStatus.Active ? null : Epoch.AddHours(1),
            LiftApprovedBy = lift == KillSwitchStatus.Lifted ? "admin-2" : null,
            LiftApprovedAt = lift == KillSwitchStatus.Lifted ? Epoch.AddHours(2) : null,
        };

    private static Gen<Fleet> Fleet(Func<Fleet, Gen<KillSwitchScope>> scopes) =>
        from accounts in Gen.Choose(1, 4).SelectMany(n => Gen.CollectToList(Enumerable.Range(0, n), AccountGen))
        from integrations in Gen.Choose(1, 3).SelectMany(n => Gen.CollectToList(Enumerable.Range(0, n), IntegrationGen))
        from devices in Gen.Choose(0, 6).SelectMany(n => Gen.CollectToList(Enumerable.Range(0, n), i => DeviceGen(i, accounts)))
        from links in Gen.CollectToList(
            from a in accounts from i in integrations select (a, i),
            pair => LinksGen(pair.a, pair.i))
        let allLinks = links.SelectMany(l => l).ToArray()
        from exposures in Gen.CollectToList(
            from l in allLinks from d in devices select (l, d),
            pair => Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
                .Select(exposed => exposed ? new DeviceExposure { LinkId = pair.l.Id, DeviceId = pair.d.Id } : null))
        from revision in Gen.Choose(1, 1_000_000)
        let fleet = new Fleet(accounts, devices, integrations, allLinks, exposures.OfType<DeviceExposure>().ToArray(), [], revision)
        from switches in Gen.Choose(0, 3).SelectMany(n => KillSwitches(scopes(fleet)).ListOf(n))
        select fleet with { KillSwitches = switches.ToArray() };

    private static Gen<Account> AccountGen(int index) =>
        from locked in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Account
        {
            Id = Id(1, index),
            Email = $"user{index}@example.test",
            DisplayName = $"User {index}",
            Region = "EU",
            Status = locked ? AccountStatus.Locked : AccountStatus.Active,
        };

    private static Gen<Integration> IntegrationGen(int index) =>
        from kind in Gen.Elements(IntegrationKind.Assistant, IntegrationKind.Automation)
        from actions in ActionSets
        select new Integration { Id = Id(2, index), Key = Keys[index], Name = Keys[index], Kind = kind, Actions = actions };

    private static Gen<Device> DeviceGen(int index, IReadOnlyList<Account> accounts) =>
        from owner in Gen.Frequency((4, Gen.Elements<Account>(accounts).Select(a => (Guid?)a.Id)), (1, Gen.Constant<Guid?>(null)))
        from model in Gen.Elements(Models)
        from firmware in Gen.Elements(Firmware)
        from region in Gen.Elements(Regions)
        select new Device
        {
            Id = Id(3, index),
            Serial = $"CAM-{index:D4}",
            Mac = $"0000000000{index:D2}",
            Model = model,
            Firmware = firmware,
            Region = region,
            OwnerId = owner,
        };

    // None, one active, one revoked, or a revoked one followed by an active relink.
    private static Gen<AccountLink[]> LinksGen(Account account, Integration integration) =>
        from shape in Gen.Choose(0, 3)
        from granted in ActionSets
        from oldGranted in ActionSets
        select shape switch
        {
            0 => Array.Empty<AccountLink>(),
            1 => new[] { Link(account, integration, LinkStatus.Active, granted) },
            2 => new[] { Link(account, integration, LinkStatus.Revoked, granted) },
            _ => new[] { Link(account, integration, LinkStatus.Revoked, oldGranted), Link(account, integration, LinkStatus.Active, granted) },
        };

    private static AccountLink Link(Account account, Integration integration, LinkStatus status, AccessActions granted) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = account.Id,
        IntegrationId = integration.Id,
        Status = status,
        GrantedActions = granted,
        LinkedAt = Epoch,
    };

    // Usually everything, often a random subset (empty included).
    private static Gen<AccessActions> ActionSets =>
        Gen.Frequency((2, Gen.Constant(AccessActions.All)), (3, Gen.Choose(0, 15).Select(bits => (AccessActions)bits)));

    // Readable, distinct ids: 00000001-0000-0000-0000-000000000003 is account 3.
    private static Guid Id(int table, int index) => new($"{table:D8}-0000-0000-0000-{index:D12}");
}
