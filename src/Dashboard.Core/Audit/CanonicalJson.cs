using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Core.Audit;

/// <summary>JSON with keys sorted at every level and no insignificant whitespace, so the same data always hashes alike.</summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Web defaults match names case-insensitively; keys "b" and "B" (say, in a dictionary) are distinct data.
        PropertyNameCaseInsensitive = false,
    };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    public static string Serialize(object data)
    {
        var node = JsonSerializer.SerializeToNode(data, Options);
        return Sort(node)?.ToJsonString(Options) ?? "null";
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone()))), NodeOptions),
        JsonArray arr => new JsonArray(arr.Select(n => Sort(n?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
