using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Api.Json;

/// <summary>
/// The API's wire format: camelCase properties, enums as lower-case strings (<c>pending_approval</c>),
/// timestamps as ISO 8601 UTC with <c>Z</c>, and strict reading so a malformed or ambiguous request (a repeated
/// property) is a 400, never a guess.
/// </summary>
public static class ApiJson
{
    /// <remarks>
    /// Request records: a constructor parameter without a default value is required (a missing one is a 400
    /// naming it), so give optional ones a default (<c>long? ExpectedOwnershipVersion = null</c>); a JSON null
    /// for a non-nullable reference type is a 400 too.
    /// </remarks>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        // "5" is not a number: the web defaults would accept it.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        // A repeated property is a 400 naming it, at any depth (see DuplicateProperties).
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new WireEnumConverterFactory());
        // [Flags] enums only (the factory above takes every other enum).
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new NulFreeStringConverter());
        options.Converters.Add(new UtcDateTimeConverter());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
