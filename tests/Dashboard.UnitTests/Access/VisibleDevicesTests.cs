using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access;

public sealed class VisibleDevicesTests
{
    private static DeviceFacts Device(string serial, Guid? owner = null) =>
        new(serial, owner ?? Given.Alice, "Mi Home Security Camera 360 2K", "4.1.6_0312", "EU", 1);

    private static OwnedDeviceFacts Owned(string serial, bool exposed = true, Guid? owner = null) =>
        new(Device(serial, owner), exposed);

    private static AccountFleetFacts Fleet(params OwnedDeviceFacts[] devices) => new(
        new AccountFacts(Given.Alice, AccountStatus.Active),
        Given.Facts.Integration,
        new LinkFacts(LinkStatus.Active, AccessActions.All),
        devices,
        [],
        Given.Revision);

    private static IReadOnlyList<VisibleDevice> For(AccountFleetFacts facts, Guid? account = null) =>
        VisibleDevices.For(Given.Google, account ?? Given.Alice, facts);

    [Fact]
    public void For_ListsExposedDevicesWithEveryAllowedActionOrderedBySerial() =>
        For(Fleet(Owned("DEMO-CAM-0002"), Owned("DEMO-CAM-0001")))
            .ShouldBe([new("DEMO-CAM-0001", AccessActions.All), new("DEMO-CAM-0002", AccessActions.All)]);

    [Fact]
    public void For_OmitsDevicesWithNoAllowedAction() =>
        For(Fleet(Owned("DEMO-CAM-0001"), Owned("DEMO-CAM-0002", exposed: false)))
            .Select(d => d.Serial).ShouldBe(["DEMO-CAM-0001"]);

    [Fact]
    public void For_OmitsDevicesOwnedByAnotherAccount() =>
        For(Fleet(Owned("DEMO-CAM-0003", owner: Given.Bob))).ShouldBeEmpty();

    [Fact]
    public void For_ListsOnlyActionsOfferedAndGranted()
    {
        var facts = Fleet(Owned("DEMO-CAM-0001")) with
        {
            Integration = Given.Facts.Integration with { Actions = AccessActions.Stream | AccessActions.Snapshot | AccessActions.Events },
            Link = new LinkFacts(LinkStatus.Active, AccessActions.Snapshot | AccessActions.Events | AccessActions.Control),
        };

        For(facts).ShouldBe([new("DEMO-CAM-0001", AccessActions.Snapshot | AccessActions.Events)]);
    }

    [Fact]
    public void For_WhenAKillSwitchCoversStream_ListsTheOtherActions()
    {
        var facts = Fleet(Owned("DEMO-CAM-0001")) with
        {
            KillSwitches = [new DenyingKillSwitch(Guid.NewGuid(), new KillSwitchScope { IntegrationKind = "assistant", Actions = ["stream"] })],
        };

        For(facts).ShouldBe([new("DEMO-CAM-0001", AccessActions.All & ~AccessActions.Stream)]);
    }

    [Fact]
    public void For_WhenAccountUnknown_ReturnsNothing() =>
        For(Fleet(Owned("DEMO-CAM-0001")) with { Account = null }).ShouldBeEmpty();

    [Fact]
    public void For_WhenFactsAreAboutAnotherAccount_ReturnsNothing() =>
        For(Fleet(Owned("DEMO-CAM-0001")), account: Given.Bob).ShouldBeEmpty();

    [Fact]
    public void For_WhenAccountLocked_ReturnsNothing() =>
        For(Fleet(Owned("DEMO-CAM-0001")) with { Account = new AccountFacts(Given.Alice, AccountStatus.Locked) })
            .ShouldBeEmpty();

    [Fact]
    public void For_WhenLinkRevoked_ReturnsNothing() =>
        For(Fleet(Owned("DEMO-CAM-0001")) with { Link = new LinkFacts(LinkStatus.Revoked, AccessActions.All) })
            .ShouldBeEmpty();

    [Fact]
    public void For_WhenASerialIsListedTwice_KeepsOnlyWhatEveryListingAllows() =>
        For(Fleet(Owned("DEMO-CAM-0001"), Owned("DEMO-CAM-0001", exposed: false))).ShouldBeEmpty();

    [Fact]
    public void For_WhenDeviceListOrEntriesAreMissing_ReturnsOnlyReadableDevices()
    {
        For(Fleet() with { Devices = null! }).ShouldBeEmpty();
        For(Fleet(null!, new(null!, true), Owned("DEMO-CAM-0001"))).Select(d => d.Serial).ShouldBe(["DEMO-CAM-0001"]);
    }
}
