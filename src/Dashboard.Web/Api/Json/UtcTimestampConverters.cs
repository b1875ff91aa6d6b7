using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Api.Json;

/// <summary>
/// Writes every <see cref="DateTime"/> as UTC with <c>Z</c>. Reads ISO 8601; a value without an offset is taken
/// as UTC (never as the server's local time), one with an offset is converted.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetDateTime(out var value) ? ToUtc(value) : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToUtc(value));

    /// <summary>Npgsql reads <c>timestamptz</c> as UTC already; Unspecified means UTC throughout this app.</summary>
    internal static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}

/// <summary>Writes <see cref="DateTimeOffset"/> as UTC with <c>Z</c> rather than <c>+00:00</c>.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetDateTime(out var value) ? new DateTimeOffset(UtcDateTimeConverter.ToUtc(value)) : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
