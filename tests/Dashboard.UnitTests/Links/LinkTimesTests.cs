using Dashboard.Web.Components.Shared;

namespace Dashboard.UnitTests.Links;

public sealed class LinkTimesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 18, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, AgoUnit.Today, 0)]
    [InlineData(1, AgoUnit.Yesterday, 1)]
    [InlineData(5, AgoUnit.Days, 5)]
    [InlineData(45, AgoUnit.Month, 1)]
    [InlineData(90, AgoUnit.Months, 3)]
    [InlineData(400, AgoUnit.Year, 1)]
    [InlineData(800, AgoUnit.Years, 2)]
    public void Ago_SaysWhenInDays(int daysAgo, AgoUnit unit, int count) =>
        LinkTimes.Ago(Now.AddDays(-daysAgo), Now).ShouldBe((unit, count));

    [Fact]
    public void Ago_EarlierTheSameDay_IsToday() =>
        LinkTimes.Ago(Now.Date.AddMinutes(1), Now).Unit.ShouldBe(AgoUnit.Today);

    [Fact]
    public void Ago_InTheFuture_IsToday() =>
        LinkTimes.Ago(Now.AddDays(2), Now).Unit.ShouldBe(AgoUnit.Today);
}
