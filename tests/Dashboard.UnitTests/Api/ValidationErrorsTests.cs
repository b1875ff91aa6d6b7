using Dashboard.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Dashboard.UnitTests.Api;

public sealed class ValidationErrorsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RequireText_WhenMissingOrBlank_RecordsRequired(string? value)
    {
        var errors = new ValidationErrors();

        errors.RequireText("reason", value).ShouldBeNull();

        errors.ToDictionary()["reason"].ShouldBe([ValidationErrors.RequiredMessage]);
    }

    [Fact]
    public void RequireText_WhenGiven_ReturnsItTrimmed()
    {
        var errors = new ValidationErrors();

        errors.RequireText("reason", "  incident 42 ").ShouldBe("incident 42");
        errors.HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void RequireText_WithANulCharacter_RecordsIt()
    {
        var errors = new ValidationErrors();

        errors.RequireText("reason", "a\0b").ShouldBeNull();

        errors.ToDictionary()["reason"].ShouldBe([ValidationErrors.NulMessage]);
    }

    [Theory]
    [InlineData("not-a-uuid", "Must be a uuid.")]
    [InlineData(null, ValidationErrors.RequiredMessage)]
    public void RequireUuid_WhenNotAUuid_RecordsWhy(string? value, string message)
    {
        var errors = new ValidationErrors();

        errors.RequireUuid("account", value).ShouldBeNull();

        errors.ToDictionary()["account"].ShouldBe([message]);
    }

    [Fact]
    public void Add_KeepsEveryMessageOfEveryField()
    {
        var errors = new ValidationErrors()
            .Add("scope", "Exactly one selector.")
            .Add("scope", "Unknown integration.")
            .Add("reason", "Required.");

        var all = errors.ToDictionary();
        all["scope"].ShouldBe(["Exactly one selector.", "Unknown integration."]);
        all["reason"].ShouldBe(["Required."]);
    }

    [Fact]
    public void ToProblem_IsA400WithTheErrors()
    {
        var problem = new ValidationErrors().Add("page", "Must be at least 1.").ToProblem();

        problem.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        problem.ProblemDetails.Errors["page"].ShouldBe(["Must be at least 1."]);
    }
}
