using System.Text.Json;
using Dashboard.Core.Devices;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Api.Json;
using Dashboard.Web.Hosting;

namespace Dashboard.UnitTests.Api;

public sealed class ApiJsonTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private sealed record Sample(KillSwitchStatus Status, DeviceStatus Device, DateTime At, DateTimeOffset Offset, string Name);

    [Fact]
    public void Serialize_WritesCamelCaseSnakeCaseEnumsAndUtcTimestampsWithZ()
    {
        var json = JsonSerializer.Serialize(new Sample(
            KillSwitchStatus.PendingApproval,
            DeviceStatus.Decommissioned,
            new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc),
            new DateTimeOffset(2026, 3, 4, 7, 6, 7, TimeSpan.FromHours(2)),
            "n"), Options);

        json.ShouldBe(
            """{"status":"pending_approval","device":"decommissioned","at":"2026-03-04T05:06:07.89Z","offset":"2026-03-04T05:06:07Z","name":"n"}""");
    }

    [Fact]
    public void Serialize_TreatsAnUnspecifiedDateTimeAsUtc()
    {
        var json = JsonSerializer.Serialize(new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Unspecified), Options);

        json.ShouldBe("\"2026-03-04T05:06:07Z\"");
    }

    [Theory]
    [InlineData("\"2026-03-04T05:06:07Z\"")]
    [InlineData("\"2026-03-04T07:06:07+02:00\"")]
    [InlineData("\"2026-03-04T05:06:07\"")]
    public void Deserialize_ReadsIso8601AsUtc(string json)
    {
        var value = JsonSerializer.Deserialize<DateTime>(json, Options);

        value.ShouldBe(new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        value.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("\"PendingApproval\"")]
    [InlineData("\"PENDING_APPROVAL\"")]
    [InlineData("\"pending-approval\"")]
    [InlineData("1")]
    public void Deserialize_AcceptsOnlyTheWireNamesOfEnums(string json)
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<KillSwitchStatus>(json, Options));
        JsonSerializer.Deserialize<KillSwitchStatus>("\"pending_approval\"", Options).ShouldBe(KillSwitchStatus.PendingApproval);
    }

    [Fact]
    public void Deserialize_WhenAnEnumValueIsUnknown_SaysWhichValuesAreAllowed()
    {
        var exception = Should.Throw<ClientJsonException>(() => JsonSerializer.Deserialize<DeviceStatus>("\"broken\"", Options));

        exception.ClientMessage.ShouldBe("Must be one of: active, decommissioned.");
    }

    [Fact]
    public void Deserialize_RefusesNumbersWrittenAsStrings()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<int>("\"5\"", Options));
    }

    [Fact]
    public void Deserialize_RefusesTheNulCharacterAnywhereInAString()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<string>("\"a\\u0000\"", Options));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, int>>("{\"\\u0000\":1}", Options));
        JsonSerializer.Deserialize<string>("\"a\\\\u0000\"", Options).ShouldBe("a\\u0000");
    }

    [Fact]
    public void Serialize_WritesDictionaryKeysUnchanged()
    {
        JsonSerializer.Serialize(new Dictionary<string, string[]> { ["pageSize"] = ["x"] }, Options)
            .ShouldBe("""{"pageSize":["x"]}""");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
