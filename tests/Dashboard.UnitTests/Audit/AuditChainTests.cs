using Dashboard.Core.Audit;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static AuditEntry With(string actor, string action, string? reason, string? data) => new()
    {
        Id = 7,
        At = new DateTime(2026, 5, 6, 7, 8, 9, DateTimeKind.Utc),
        Actor = actor,
        Action = action,
        EntityType = "device",
        EntityId = "DEMO-CAM-0001",
        Reason = reason,
        Data = data,
        PreviousHash = AuditChain.GenesisHash,
        Hash = [],
    };

    private static string Hex(AuditEntry e) => Convert.ToHexString(AuditChain.ComputeHash(e));

    [Fact]
    public void ComputeHash_ForAFixedEntry_NeverChanges()
    {
        // Pins the canonical form: a change here would break every chain already written.
        Hex(With("user-1", "device.claimed", "first owner", """{"a":1}""")).ShouldBe(PinnedHash);
    }

    private const string PinnedHash = "CA78E057DE39FD592DB93BA6833C95048D3DCF87BDC3E4B2CF66A8A83D53CCAC";

    [Theory]
    [InlineData("ab", "c", "a", "bc")]
    [InlineData("a:b", "c", "a", "b:c")]
    [InlineData("1:a", "", "", "1:a")]
    [InlineData("a", "3:xyz", "a3:x", "yz")]
    public void ComputeHash_WhenDelimitersMoveBetweenFields_Differs(string actor1, string action1, string actor2, string action2) =>
        Hex(With(actor1, action1, null, null)).ShouldNotBe(Hex(With(actor2, action2, null, null)));

    [Fact]
    public void ComputeHash_NullAndEmptyReason_Differ() =>
        Hex(With("a", "b", null, null)).ShouldNotBe(Hex(With("a", "b", "", null)));

    [Fact]
    public void ComputeHash_NullReasonAndTheTextOfItsMarker_Differ() =>
        Hex(With("a", "b", null, "x")).ShouldNotBe(Hex(With("a", "b", "-1:", "x")));

    [Fact]
    public void ComputeHash_WhenAnyTextMovesFromOneFieldToTheNext_Differs()
    {
        // Actor x+y with reason z against actor x with reason y+z: the concatenations are equal, the entries are
        // not (unless y is empty), so neither may the hashes be, whatever the texts hold (colons, digits, "-1:").
        Prop.ForAll<string, string, string>((x, y, z) =>
        {
            (x, y, z) = (x ?? "", y ?? "", z ?? "");
            var moved = Hex(With(x + y, "a", z, null)) != Hex(With(x, "a", y + z, null));
            return moved == (y.Length > 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ComputeHash_CoversEveryField()
    {
        var baseline = With("a", "b", "r", "d");
        var original = Hex(baseline);
        var variants = new Action<AuditEntry>[]
        {
            e => e.Id++,
            e => e.At = e.At.AddTicks(10),
            e => e.Actor += "!",
            e => e.Action += "!",
            e => e.EntityType += "!",
            e => e.EntityId += "!",
            e => e.Reason += "!",
            e => e.Data += "!",
            e => e.PreviousHash = [.. Enumerable.Repeat((byte)1, 32)],
        };

        foreach (var change in variants)
        {
            var copy = With("a", "b", "r", "d");
            change(copy);
            Hex(copy).ShouldNotBe(original);
        }
    }

    [Fact]
    public void ComputeHash_DoesNotDependOnTheStoredHash()
    {
        var entry = With("a", "b", "r", "d");
        var first = Hex(entry);
        entry.Hash = [1, 2, 3];

        Hex(entry).ShouldBe(first);
    }
}
