using System.Text.Json;
using Dashboard.Web.Api;
using Dashboard.Web.Api.Json;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dashboard.UnitTests.Api;

public sealed class BadRequestProblemsTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public sealed record Body(string Reason, int Count, Inner? Inner = null, IReadOnlyList<string>? Tags = null);

    public sealed record Inner(string Name);

    [Theory]
    [InlineData("""{"reason": , "count": 1}""", "reason")]
    [InlineData("""{"reason": "x", "count": "1"}""", "count")]
    [InlineData("""{"reason": "x", "count": 1, "inner": {"name": 5}}""", "inner.name")]
    [InlineData("""{"reason": "x", "count": 1, "tags": ["a", false]}""", "tags[1]")]
    [InlineData("""[1]""", BadRequestProblems.BodyField)]
    public void Describe_NamesTheFieldFromTheJsonPath(string json, string field)
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Body>(json, Options));

        BadRequestProblems.Describe(exception).Fields.ShouldBe([field]);
    }

    [Fact]
    public void Describe_WhenRequiredPropertiesAreMissing_NamesEachOne()
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Body>("{}", Options));

        var (fields, message) = BadRequestProblems.Describe(exception);

        fields.ShouldBe(["reason", "count"], ignoreOrder: true);
        message.ShouldBe(ValidationErrors.RequiredMessage);
    }

    [Fact]
    public void Describe_WhenANestedObjectMissesAProperty_NamesItUnderItsParent()
    {
        var exception = Should.Throw<JsonException>(() =>
            JsonSerializer.Deserialize<Body>("""{"reason": "x", "count": 1, "inner": {}}""", Options));

        BadRequestProblems.Describe(exception).Fields.ShouldBe(["inner.name"]);
    }

    [Fact]
    public void Describe_NeverEchoesServerTypeNames()
    {
        var exception = Should.Throw<JsonException>(() =>
            JsonSerializer.Deserialize<Body>("""{"reason": "x", "count": "many"}""", Options));

        var (_, message) = BadRequestProblems.Describe(exception);

        message.ShouldNotContain("Int32");
        message.ShouldNotContain(nameof(Body));
    }

    [Fact]
    public void Describe_WithANulCharacter_SaysSo()
    {
        var exception = Should.Throw<JsonException>(() =>
            JsonSerializer.Deserialize<Body>("""{"reason": "\u0000", "count": 1}""", Options));

        var (fields, message) = BadRequestProblems.Describe(exception);

        fields.ShouldBe(["reason"]);
        message.ShouldBe(ValidationErrors.NulMessage);
    }

    [Theory]
    [InlineData("Failed to bind parameter \"int? page\" from \"abc\".", "page")]
    [InlineData("Required parameter \"string query\" was not provided from query string.", "query")]
    [InlineData("Implicit body inferred for parameter \"request\" but no body was provided. Did you mean to use a Service instead?", "body")]
    [InlineData("Something else entirely.", null)]
    public void ParameterOf_NamesTheParameterTheFrameworkCouldNotBind(string message, string? expected)
    {
        BadRequestProblems.ParameterOf(message).ShouldBe(expected);
    }

    [Theory]
    [InlineData(StatusCodes.Status413PayloadTooLarge)]
    [InlineData(StatusCodes.Status415UnsupportedMediaType)]
    public void For_KeepsTheStatusOfALimitOrMediaTypeFailure(int status)
    {
        var result = BadRequestProblems.For(new BadHttpRequestException("limit", status));

        result.StatusCode.ShouldBe(status);
        result.ProblemDetails.Detail.ShouldBe("limit");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
