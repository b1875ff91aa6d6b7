using System.Text.Json;
using Dashboard.Web.Access;
using Dashboard.Web.Api.Json;
using Dashboard.Web.Hosting;

namespace Dashboard.UnitTests.Api;

/// <summary>
/// The framework's duplicate-property check, with the app's options, reaches every shape a body can take, and the
/// problem names the repeated property.
/// </summary>
public sealed class DuplicatePropertiesTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public sealed record Sample(
        string? Account = null,
        Inner? Inner = null,
        IReadOnlyList<Inner>? Items = null,
        Dictionary<string, int>? Counts = null,
        JsonElement? Extra = null);

    public sealed record Inner(string? Integration = null);

    [Theory]
    [InlineData("""{"account":"bob","account":"alice"}""", "account")]
    [InlineData("""{"account":"bob","Account":"alice"}""", "Account")]
    [InlineData("""{"inner":{"integration":"a","integration":"b"}}""", "inner.integration")]
    [InlineData("""{"items":[{"integration":"a"},{"integration":"a","integration":"b"}]}""", "items[1].integration")]
    [InlineData("""{"counts":{"k":1,"k":2}}""", "counts.k")]
    [InlineData("""{"inner":{"integration":"a"},"inner":{"integration":"b"}}""", "inner")]
    public void Deserialize_WithARepeatedProperty_IsRefusedAndNamesIt(string json, string field)
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Sample>(json, Options));

        var (fields, message) = BadRequestProblems.Describe(exception);

        fields.ShouldBe([field]);
        message.ShouldBe(DuplicateProperties.Message);
    }

    [Theory]
    [InlineData("""{"extra":{"k":1,"k":2}}""")]
    [InlineData("""{"extra":{"a":[{"k":1,"k":2}]}}""")]
    public void Deserialize_WithARepeatedPropertyInsideAJsonElement_NamesTheMemberAndTheProperty(string json)
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Sample>(json, Options));

        var (fields, message) = BadRequestProblems.Describe(exception);

        fields.ShouldBe(["extra"]);
        message.ShouldContain("'k'");
    }

    [Fact]
    public void Describe_OfARepeatedProperty_DoesNotNameServerTypes()
    {
        var exception = Should.Throw<JsonException>(() =>
            JsonSerializer.Deserialize<Sample>("""{"account":"a","account":"b"}""", Options));

        BadRequestProblems.Describe(exception).Message.ShouldNotContain(nameof(Sample));
    }

    [Fact]
    public void DecisionApiContext_RefusesARepeatedProperty()
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize(
            """{"account":"bob","device":"CAM-1","action":"stream","account":"alice"}""",
            AccessApiJson.Default.CheckAccessBody));

        exception.Path.ShouldBe("$.account");
        DuplicateProperties.TryDescribe(exception, "account", out var message).ShouldBeTrue();
        message.ShouldBe(DuplicateProperties.Message);
    }

    [Fact]
    public void TryDescribe_OfAnotherJsonError_IsFalse()
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Sample>("""{"account":5}""", Options));

        DuplicateProperties.TryDescribe(exception, "account", out _).ShouldBeFalse();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
