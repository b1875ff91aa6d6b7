using System.Text.Json;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using Npgsql;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Reads decision facts out of result columns. Every value it cannot read becomes the one the engine denies on:
/// a status other than the exact active one is locked or revoked, an unknown kind is no kind, an unreadable kill switch
/// scope covers everything.
/// </summary>
internal static class FactsColumns
{
    // As EF Core stores kill switch scopes (see KillSwitchConfiguration).
    private static readonly JsonSerializerOptions ScopeJson = new(JsonSerializerDefaults.Web);

    public static AccountFacts? Account(NpgsqlDataReader row, int id) =>
        row.IsDBNull(id) ? null : new AccountFacts(row.GetGuid(id), AccountStatusOf(row.GetString(id + 1)));

    /// <summary>Six columns from <paramref name="serial"/>: serial, owner, model, firmware, region, ownership version.</summary>
    public static DeviceFacts? Device(NpgsqlDataReader row, int serial) =>
        row.IsDBNull(serial)
            ? null
            : new DeviceFacts(
                row.GetString(serial),
                row.IsDBNull(serial + 1) ? null : row.GetGuid(serial + 1),
                row.GetString(serial + 2),
                row.GetString(serial + 3),
                row.GetString(serial + 4),
                row.GetInt64(serial + 5));

    /// <summary>Two columns: status, granted actions.</summary>
    public static LinkFacts? Link(NpgsqlDataReader row, int status) =>
        row.IsDBNull(status) ? null : new LinkFacts(LinkStatusOf(row.GetString(status)), (AccessActions)row.GetInt32(status + 1));

    /// <summary>Four columns: id, key, kind, actions.</summary>
    public static IntegrationFacts? Integration(NpgsqlDataReader row, int id) =>
        row.IsDBNull(id)
            ? null
            : new IntegrationFacts(row.GetGuid(id), row.GetString(id + 1), KindOf(row.GetString(id + 2)), (AccessActions)row.GetInt32(id + 3));

    /// <summary>A JSON array of <c>{"id","key","kind","actions"}</c>.</summary>
    public static Dictionary<Guid, IntegrationFacts> Integrations(string json)
    {
        using var document = JsonDocument.Parse(json);
        var integrations = new Dictionary<Guid, IntegrationFacts>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var id = item.GetProperty("id").GetGuid();
            integrations[id] = new IntegrationFacts(
                id,
                item.GetProperty("key").GetString()!,
                KindOf(item.GetProperty("kind").GetString()),
                (AccessActions)item.GetProperty("actions").GetInt32());
        }
        return integrations;
    }

    /// <summary>A JSON array of <c>{"id","scope"}</c> of the switches that still deny.</summary>
    public static DenyingKillSwitch[] KillSwitches(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(item => new DenyingKillSwitch(item.GetProperty("id").GetGuid(), ScopeOf(item.GetProperty("scope"))))
            .ToArray();
    }

    private static KillSwitchScope ScopeOf(JsonElement scope)
    {
        try
        {
            return scope.Deserialize<KillSwitchScope>(ScopeJson)!;
        }
        catch (JsonException)
        {
            // A scope nobody can read covers every request (the matcher treats a null scope so): fail closed.
            return null!;
        }
    }

    private static AccountStatus AccountStatusOf(string status) =>
        status == nameof(AccountStatus.Active) ? AccountStatus.Active : AccountStatus.Locked;

    private static LinkStatus LinkStatusOf(string status) =>
        status == nameof(LinkStatus.Active) ? LinkStatus.Active : LinkStatus.Revoked;

    // Outside the enum on purpose for anything unknown: kill switches selecting by kind then cover it (fail closed).
    private static IntegrationKind KindOf(string? kind) => kind switch
    {
        nameof(IntegrationKind.Assistant) => IntegrationKind.Assistant,
        nameof(IntegrationKind.Automation) => IntegrationKind.Automation,
        _ => (IntegrationKind)(-1),
    };
}
