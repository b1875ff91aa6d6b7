using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Api.Json;

/// <summary>
/// Enums as their lower snake_case wire names (<c>PendingApproval</c> is <c>"pending_approval"</c>), read
/// exactly: the framework's converter would also take "PendingApproval", "PENDING_APPROVAL" or a number, and a
/// client that sends those is relying on an accident. [Flags] enums are left to the framework's converter.
/// </summary>
public sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && !typeToConvert.IsDefined(typeof(FlagsAttribute), inherit: false);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;
}

public sealed class WireEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, JsonEncodedText> Names =
        Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(WireEnum.NameOf(v)));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(n => n.Value.Value, n => n.Key, StringComparer.Ordinal);

    private static readonly string Expected =
        "Must be one of: " + string.Join(", ", Names.Values.Select(n => n.Value)) + ".";

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new ClientJsonException(Expected);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(NameOf(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(NameOf(value));

    private static T Parse(string? name) =>
        name is not null && Values.TryGetValue(name, out var value) ? value : throw new ClientJsonException(Expected);

    /// <summary>An undefined value (a cast from a stray number) has no wire name: a bug to surface, not to guess.</summary>
    private static JsonEncodedText NameOf(T value) =>
        Names.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{typeof(T).Name} has no value {value}.");
}

public static class WireEnum
{
    /// <summary>The wire name of an enum value: lower snake_case of its C# name.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Every wire name of an enum type, in declaration order (for the OpenAPI document).</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType) =>
        Enum.GetNames(enumType).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).Distinct().ToList();
}
