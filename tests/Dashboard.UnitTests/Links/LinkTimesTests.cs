using Dashboard.Web.Components.Shared;

namespace Dashboard.UnitTests.Links;

public sealed class LinkTimesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 18, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "yesterday")]
    [InlineData(5, "5 days ago")]
    [InlineData(45, "a month ago")]
    [InlineData(90, "3 months ago")]
    [InlineData(400, "a year ago")]
    [InlineData(800, "2 years ago")]
    public void Ago_SaysWhenInDays(int daysAgo, string expected) =>
        LinkTimes.Ago(Now.AddDays(-daysAgo), Now).ShouldBe(expected);

    [Fact]
    public void Ago_EarlierTheSameDay_IsToday() =>
        LinkTimes.Ago(Now.Date.AddMinutes(1), Now).ShouldBe("today");

    [Fact]
    public void Ago_InTheFuture_IsToday() =>
        LinkTimes.Ago(Now.AddDays(2), Now).ShouldBe("today");

    [Theory]
    [InlineData("stream", "Live video")]
    [InlineData("control", "Control")]
    [InlineData("other", "other")]
    public void ActionLabel_NamesActionsForPeople(string wire, string label) =>
        LinkTimes.ActionLabel(wire).ShouldBe(label);
}
