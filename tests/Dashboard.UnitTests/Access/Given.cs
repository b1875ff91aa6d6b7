using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access;

/// <summary>
/// The contract's first fixture row as facts: alice asks, through google-assistant, to stream DEMO-CAM-0001, which she
/// owns and exposed on an active link granting everything. Each test breaks one thing with <c>with</c>.
/// </summary>
internal static class Given
{
    public static readonly Guid Alice = new("a11ce000-0000-0000-0000-000000000001");
    public static readonly Guid Bob = new("b0b00000-0000-0000-0000-000000000002");
    public static readonly Guid Google = new("60061e00-0000-0000-0000-000000000003");
    public static readonly Guid Ifttt = new("1f770000-0000-0000-0000-000000000004");
    public const string Cam = "DEMO-CAM-0001";
    public const long Revision = 42;

    public static AccessRequest Request(
        AccessActions action = AccessActions.Stream, Guid? account = null, string serial = Cam, Guid? integration = null) =>
        new(integration ?? Google, account ?? Alice, serial, action);

    public static AccessFacts Facts { get; } = new(
        Account: new AccountFacts(Alice, AccountStatus.Active),
        Device: new DeviceFacts(Cam, Alice, "Mi Home Security Camera Basic 1080p", "3.5.1_00.66", "EU", OwnershipVersion: 1),
        Integration: new IntegrationFacts(Google, "google-assistant", IntegrationKind.Assistant, AccessActions.All),
        Link: new LinkFacts(LinkStatus.Active, AccessActions.All),
        DeviceExposed: true,
        KillSwitches: [],
        Revision: Revision);

    public static AccessFacts WithSwitches(this AccessFacts facts, params KillSwitchScope[] scopes) =>
        facts with { KillSwitches = [.. scopes.Select(s => new DenyingKillSwitch(Guid.NewGuid(), s))] };

    public static AccessFacts WithDevice(this AccessFacts facts, Func<DeviceFacts, DeviceFacts> change) =>
        facts.Device is null ? facts : facts with { Device = change(facts.Device) };

    public static AccessFacts WithAccountStatus(this AccessFacts facts, AccountStatus status) =>
        facts.Account is null ? facts : facts with { Account = facts.Account with { Status = status } };

    public static AccessFacts WithGranted(this AccessFacts facts, AccessActions granted) =>
        facts.Link is null ? facts : facts with { Link = facts.Link with { GrantedActions = granted } };

    public static AccessFacts WithOffered(this AccessFacts facts, AccessActions offered) =>
        facts with { Integration = facts.Integration with { Actions = offered } };

    public static KillSwitch KillSwitch(KillSwitchScope scope) => new()
    {
        Id = Guid.NewGuid(),
        Scope = scope,
        Reason = "test",
        ActivatedBy = "admin",
        ActivatedAt = new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Utc),
    };
}
