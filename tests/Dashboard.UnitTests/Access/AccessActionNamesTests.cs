using Dashboard.Core.Access;

namespace Dashboard.UnitTests.Access;

public sealed class AccessActionNamesTests
{
    [Theory]
    [InlineData(AccessActions.Stream, "stream")]
    [InlineData(AccessActions.Snapshot, "snapshot")]
    [InlineData(AccessActions.Events, "events")]
    [InlineData(AccessActions.Control, "control")]
    public void TryGetName_ForASingleAction_GivesItsWireName(AccessActions action, string name)
    {
        AccessActionNames.TryGetName(action, out var actual).ShouldBeTrue();
        actual.ShouldBe(name);
        AccessActionNames.IsSingle(action).ShouldBeTrue();
    }

    [Theory]
    [InlineData(AccessActions.None)]
    [InlineData(AccessActions.Stream | AccessActions.Events)]
    [InlineData(AccessActions.All)]
    [InlineData((AccessActions)32)]
    public void TryGetName_ForAnythingButOneKnownAction_Fails(AccessActions action)
    {
        AccessActionNames.TryGetName(action, out var name).ShouldBeFalse();
        name.ShouldBeNull();
        AccessActionNames.IsSingle(action).ShouldBeFalse();
    }
}
