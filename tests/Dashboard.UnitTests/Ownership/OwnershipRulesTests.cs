using Dashboard.Core.Devices;
using Dashboard.Core.Devices.Ownership;

namespace Dashboard.UnitTests.Ownership;

public sealed class OwnershipRulesTests
{
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Carol = Guid.NewGuid();

    [Fact]
    public void Claim_OfAnUnownedDevice_Applies() =>
        OwnershipRules.Conflict(OwnershipChange.Claim("CAM", Carol, "r"), "CAM", null, null, 0).ShouldBeNull();

    [Fact]
    public void Claim_OfAnOwnedDevice_IsAConflictNamingTheOwner() =>
        OwnershipRules.Conflict(OwnershipChange.Claim("CAM", Carol, "r"), "CAM", Bob, "bob@x.test", 1)
            .ShouldNotBeNull().ShouldContain("already owned by bob@x.test");

    [Fact]
    public void Transfer_ToAnotherAccount_Applies() =>
        OwnershipRules.Conflict(OwnershipChange.Transfer("CAM", Carol, "r"), "CAM", Bob, "bob@x.test", 1).ShouldBeNull();

    [Fact]
    public void Transfer_ToTheCurrentOwner_IsAConflict() =>
        OwnershipRules.Conflict(OwnershipChange.Transfer("CAM", Bob, "r"), "CAM", Bob, "bob@x.test", 1).ShouldNotBeNull();

    [Fact]
    public void TransferOrRelease_OfAnUnownedDevice_IsAConflict()
    {
        OwnershipRules.Conflict(OwnershipChange.Transfer("CAM", Carol, "r"), "CAM", null, null, 2).ShouldNotBeNull();
        OwnershipRules.Conflict(OwnershipChange.Release("CAM", "r"), "CAM", null, null, 2).ShouldNotBeNull();
    }

    [Fact]
    public void AnyChange_WithAStaleExpectedVersion_IsAConflictNamingBothVersions()
    {
        // Even a change that would otherwise apply: the client decided on a state that is gone.
        var problem = OwnershipRules.Conflict(OwnershipChange.Release("CAM", "r", expected: 3), "CAM", Bob, "bob@x.test", 4);

        problem.ShouldNotBeNull().ShouldContain("version 4, not the expected 3");
    }

    [Fact]
    public void AnyChange_WithTheCurrentExpectedVersion_IsJudgedOnTheState() =>
        OwnershipRules.Conflict(OwnershipChange.Release("CAM", "r", expected: 4), "CAM", Bob, "bob@x.test", 4).ShouldBeNull();

    [Theory]
    [InlineData(OwnershipEventKind.Claimed, "device.claimed")]
    [InlineData(OwnershipEventKind.Transferred, "device.transferred")]
    [InlineData(OwnershipEventKind.Released, "device.released")]
    public void AuditAction_NamesTheKind(OwnershipEventKind kind, string action) =>
        OwnershipRules.AuditAction(kind).ShouldBe(action);
}
