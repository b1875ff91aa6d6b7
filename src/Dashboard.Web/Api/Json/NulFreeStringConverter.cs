using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Api.Json;

/// <summary>
/// Refuses strings containing U+0000 while reading: PostgreSQL <c>text</c> cannot store it, and letting one
/// through would turn a client's mistake into a 500 at the database.
/// </summary>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }
        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    // Dictionary keys (ValidationProblemDetails.errors) go through these; a custom converter must supply them.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Checked(string value) =>
        value.Contains('\0') ? throw new ClientJsonException(ValidationErrors.NulMessage) : value;
}
