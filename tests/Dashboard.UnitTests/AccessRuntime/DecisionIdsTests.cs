using Dashboard.Core.Access.Runtime;

namespace Dashboard.UnitTests.AccessRuntime;

public class DecisionIdsTests
{
    [Fact]
    public void New_Gives26CrockfordCharacters()
    {
        var id = DecisionIds.New(TimeProvider.System);

        id.Length.ShouldBe(26);
        id.ShouldAllBe(c => "0123456789ABCDEFGHJKMNPQRSTVWXYZ".Contains(c));
    }

    [Fact]
    public void New_SortsByTime()
    {
        var earlier = DecisionIds.New(1_700_000_000_000);
        var later = DecisionIds.New(1_700_000_000_001);

        string.CompareOrdinal(earlier, later).ShouldBeLessThan(0);
    }

    [Fact]
    public void New_DoesNotRepeat()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => DecisionIds.New(1_700_000_000_000)).ToHashSet();

        ids.Count.ShouldBe(100_000);
    }
}
