using System.Globalization;
using System.Text.Json;

namespace Dashboard.Web.Components.Pages.Audit;

public enum AuditValueKind
{
    Text,
    Number,
    True,
    False,
    None,
}

/// <summary>One value of an audit entry's data, with the path of names that leads to it (e.g. scope › models).</summary>
public sealed record AuditField(IReadOnlyList<string> Path, string Value, AuditValueKind Kind);

/// <summary>
/// An audit entry's data (canonical JSON) as labelled fields a person can read: nested objects become paths, lists of
/// plain values one comma-separated value, lists of objects numbered paths. Data that is not JSON is one text field.
/// </summary>
public static class AuditDataFields
{
    public static IReadOnlyList<AuditField> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        var fields = new List<AuditField>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, [], fields);
        }
        catch (JsonException)
        {
            return [new AuditField([], json, AuditValueKind.Text)];
        }
        return fields;
    }

    private static void Walk(JsonElement element, List<string> path, List<AuditField> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, [.. path, property.Name], fields);
                }
                break;
            case JsonValueKind.Array when element.EnumerateArray().All(IsPlain):
                var values = element.EnumerateArray().Select(Plain).ToList();
                fields.Add(values.Count == 0
                    ? new AuditField(path, "", AuditValueKind.None)
                    : new AuditField(path, string.Join(", ", values), AuditValueKind.Text));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, [.. path, (++index).ToString(CultureInfo.InvariantCulture)], fields);
                }
                break;
            case JsonValueKind.String:
                fields.Add(new AuditField(path, element.GetString() ?? "", AuditValueKind.Text));
                break;
            case JsonValueKind.Number:
                fields.Add(new AuditField(path, element.GetRawText(), AuditValueKind.Number));
                break;
            case JsonValueKind.True:
                fields.Add(new AuditField(path, "", AuditValueKind.True));
                break;
            case JsonValueKind.False:
                fields.Add(new AuditField(path, "", AuditValueKind.False));
                break;
            default:
                fields.Add(new AuditField(path, "", AuditValueKind.None));
                break;
        }
    }

    private static bool IsPlain(JsonElement e) => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string Plain(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText();
}
