using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Dashboard.Web.Api.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// The schema generator cannot see through custom JSON converters and would describe strings, timestamps and
/// enums as "anything": states the wire types the converters in <see cref="ApiJson"/> read and write.
/// </summary>
internal sealed class OpenApiWireTypes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var nullable = context.JsonPropertyInfo is { IsGetNullable: true } || type != context.JsonTypeInfo.Type;
        if (type == typeof(string))
        {
            schema.Type = WithNull(JsonSchemaType.String, nullable);
        }
        else if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            schema.Type = WithNull(JsonSchemaType.String, nullable);
            schema.Format = "date-time";
        }
        else if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            // An enum is a shared component schema; a nullable use is expressed where it is referenced.
            schema.Type = JsonSchemaType.String;
            schema.Enum = WireEnum.NamesOf(type).Select(n => (JsonNode)JsonValue.Create(n)).ToList();
        }
        else if (context.JsonTypeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: var element } && element == typeof(string))
        {
            // string[] (the messages of a validation problem): the items would be "anything" as well.
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        return Task.CompletedTask;
    }

    private static JsonSchemaType WithNull(JsonSchemaType type, bool nullable) =>
        nullable ? type | JsonSchemaType.Null : type;
}
