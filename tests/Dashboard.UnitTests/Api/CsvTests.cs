using Dashboard.Web.Exports;

namespace Dashboard.UnitTests.Api;

public sealed class CsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nfeed", "\"line\nfeed\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("a=b", "a=b")]
    public void Field_QuotesWhatNeedsItAndDefusesFormulas(string? value, string expected) =>
        Csv.Field(value).ShouldBe(expected);

    [Fact]
    public void Line_JoinsWithCommasAndEndsWithCrLf() =>
        Csv.Line("a", "\"b,c\"", "").ShouldBe("a,\"b,c\",\r\n");

    [Fact]
    public void Field_OfATime_IsUtcIsoWithMicroseconds() =>
        Csv.Field(new DateTime(2026, 3, 1, 12, 0, 5, DateTimeKind.Utc).AddTicks(1234560)).ShouldBe("2026-03-01T12:00:05.123456Z");
}
