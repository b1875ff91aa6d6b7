using Dashboard.Web.Api;

namespace Dashboard.UnitTests.Ownership;

public sealed class InstantParsingTests
{
    [Theory]
    [InlineData("2026-01-31T12:00:00Z", "2026-01-31T12:00:00.0000000Z")]
    [InlineData("2026-01-31T13:00:00+01:00", "2026-01-31T12:00:00.0000000Z")]
    [InlineData("2026-01-31T12:00:00.123456Z", "2026-01-31T12:00:00.1234560Z")]
    [InlineData("2026-01-31T12:00", "2026-01-31T12:00:00.0000000Z")]
    [InlineData("2026-01-31", "2026-01-31T00:00:00.0000000Z")]
    [InlineData(" 2026-01-31T12:00:00Z ", "2026-01-31T12:00:00.0000000Z")]
    public void ParseInstant_OfIso8601_IsThatInstantInUtc(string text, string expected)
    {
        var errors = new ValidationErrors();

        var instant = OwnershipEndpoints.ParseInstant(errors, "at", text);

        errors.HasErrors.ShouldBeFalse();
        instant.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        instant.Value.ToString("O").ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("01/31/2026")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-01-31T25:00:00Z")]
    [InlineData("1700000000")]
    public void ParseInstant_OfAnythingElse_RecordsAnErrorForTheField(string? text)
    {
        var errors = new ValidationErrors();

        OwnershipEndpoints.ParseInstant(errors, "at", text).ShouldBeNull();

        errors.ToDictionary().Keys.ShouldBe(["at"]);
    }
}
