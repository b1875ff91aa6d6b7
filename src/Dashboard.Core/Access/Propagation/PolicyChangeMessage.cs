using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Devices;

namespace Dashboard.Core.Access.Propagation;

/// <summary>A change as it travels on the <c>dashboard_changes</c> channel: committed at <see cref="Revision"/>.</summary>
public sealed record PolicyNotification(long Revision, PolicyChange Change);

/// <summary>
/// The payload of a <c>pg_notify</c>: <c>{"r":7,"devices":["CAM-1"],"accounts":[],"integrations":[],"killSwitches":false}</c>,
/// or <c>{"r":7,"all":true}</c> when the change is too large for a notification (PostgreSQL allows under 8000 bytes).
/// </summary>
public static class PolicyChangeMessage
{
    public const string Channel = "dashboard_changes";

    /// <summary>Below PostgreSQL's 8000-byte limit with room to spare.</summary>
    public const int MaxPayloadBytes = 7000;

    public static string Serialize(long revision, PolicyChange change)
    {
        if (!change.All)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("r", revision);
                json.WriteStartArray("devices");
                foreach (var serial in change.Devices)
                {
                    json.WriteStringValue(serial);
                }
                json.WriteEndArray();
                WriteIds(json, "accounts", change.Accounts);
                WriteIds(json, "integrations", change.Integrations);
                json.WriteBoolean("killSwitches", change.KillSwitches);
                json.WriteEndObject();
            }
            if (buffer.WrittenCount <= MaxPayloadBytes)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
        // Too many subjects to name: every instance flushes, which is always correct.
        return $$"""{"r":{{revision}},"all":true}""";
    }

    /// <summary>
    /// False for anything that is not a payload of this format (no revision, wrong types, bad JSON): the caller must
    /// then assume the worst and resynchronize everything.
    /// </summary>
    public static bool TryParse(string? payload, [NotNullWhen(true)] out PolicyNotification? notification)
    {
        notification = null;
        if (string.IsNullOrEmpty(payload))
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("r", out var r)
                || !r.TryGetInt64(out var revision))
            {
                return false;
            }
            var change = new PolicyChange
            {
                Devices = Strings(root, "devices").Select(Device.CanonicalSerial).ToArray(),
                Accounts = Ids(root, "accounts"),
                Integrations = Ids(root, "integrations"),
                KillSwitches = Flag(root, "killSwitches"),
                All = Flag(root, "all"),
            };
            notification = new PolicyNotification(revision, change);
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void WriteIds(Utf8JsonWriter json, string name, IReadOnlyList<Guid> ids)
    {
        json.WriteStartArray(name);
        foreach (var id in ids)
        {
            json.WriteStringValue(id);
        }
        json.WriteEndArray();
    }

    // Absent means none; a value of the wrong type throws InvalidOperationException, which makes the payload unreadable.
    private static IEnumerable<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array)
            ? array.EnumerateArray().Select(e => e.GetString() ?? throw new FormatException($"null in {name}")).ToArray()
            : [];

    private static Guid[] Ids(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetGuid()).ToArray() : [];

    private static bool Flag(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.GetBoolean();
}
