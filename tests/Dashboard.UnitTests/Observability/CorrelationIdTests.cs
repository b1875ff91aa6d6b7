using Dashboard.Core.Observability;

namespace Dashboard.UnitTests.Observability;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("0af7651916cd43dd8448eb211c80319c")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("01JDEMO7ZQ8W4X:req_42.a")]
    [InlineData("a")]
    public void IsWellFormed_AcceptsCommonIdShapes(string id) => CorrelationId.IsWellFormed(id).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    [InlineData("bell\u0007")]
    [InlineData("<script>")]
    [InlineData("\"quoted\"")]
    [InlineData("é")]
    public void IsWellFormed_RefusesWhatCouldForgeALogLineOrBreakAHeader(string? id) => CorrelationId.IsWellFormed(id).ShouldBeFalse();

    [Fact]
    public void IsWellFormed_RefusesMoreThanTheColumnHolds()
    {
        CorrelationId.IsWellFormed(new string('a', CorrelationId.MaxLength)).ShouldBeTrue();
        CorrelationId.IsWellFormed(new string('a', CorrelationId.MaxLength + 1)).ShouldBeFalse();
    }

    [Fact]
    public async Task Use_IsSeenAcrossAwaits_AndRestoredOnDispose()
    {
        CorrelationId.Current.ShouldBeNull();
        using (CorrelationId.Use("outer"))
        {
            await Task.Yield();
            CorrelationId.Current.ShouldBe("outer");
            using (CorrelationId.Use("inner"))
            {
                CorrelationId.Current.ShouldBe("inner");
            }
            CorrelationId.Current.ShouldBe("outer");
        }
        CorrelationId.Current.ShouldBeNull();
    }

    [Fact]
    public void Use_RefusesAnIllFormedId() => Should.Throw<ArgumentException>(() => CorrelationId.Use("bad id"));
}
