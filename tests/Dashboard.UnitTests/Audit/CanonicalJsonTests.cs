using Dashboard.Core.Audit;

namespace Dashboard.UnitTests.Audit;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_SortsKeysAtEveryLevel()
    {
        var json = CanonicalJson.Serialize(new
        {
            Zeta = 1,
            Alpha = new { Second = true, First = new[] { new { Y = 1, X = 2 } } },
        });

        json.ShouldBe("""{"alpha":{"first":[{"x":2,"y":1}],"second":true},"zeta":1}""");
    }

    [Fact]
    public void Serialize_SameDataInAnyKeyOrder_GivesTheSameText()
    {
        var one = new Dictionary<string, object> { ["b"] = 2, ["a"] = new Dictionary<string, int> { ["d"] = 4, ["c"] = 3 } };
        var other = new Dictionary<string, object> { ["a"] = new Dictionary<string, int> { ["c"] = 3, ["d"] = 4 }, ["b"] = 2 };

        CanonicalJson.Serialize(one).ShouldBe(CanonicalJson.Serialize(other));
    }

    [Fact]
    public void Serialize_OrdersKeysByOrdinalNotCulture()
    {
        var json = CanonicalJson.Serialize(new Dictionary<string, int> { ["b"] = 1, ["B"] = 2, ["a"] = 3, ["É"] = 4 });

        json.ShouldBe("""{"B":2,"a":3,"b":1,"É":4}""");
    }

    [Fact]
    public void Serialize_KeepsArrayOrder() =>
        CanonicalJson.Serialize(new[] { 3, 1, 2 }).ShouldBe("[3,1,2]");

    [Fact]
    public void Serialize_WritesNoInsignificantWhitespace() =>
        CanonicalJson.Serialize(new { A = "x y", B = new[] { 1, 2 } }).ShouldNotContain(": ");
}
