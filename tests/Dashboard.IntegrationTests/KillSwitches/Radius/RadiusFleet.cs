using Dashboard.Core.Access;
using Npgsql;

namespace Dashboard.IntegrationTests.KillSwitches.Radius;

/// <summary>
/// A small fleet written straight to the tables (as any writer could), then changed step by step: the starting
/// state, and the values generators pick from, so that narrowings and switches hit and miss often.
/// </summary>
internal sealed record RadiusFleet(
    IReadOnlyList<int?> Owners,
    IReadOnlyList<(int Model, int Firmware, int Region)> Columns,
    IReadOnlyList<bool> Locked,
    IReadOnlyList<RadiusStep> Steps)
{
    public static readonly string[] Models = ["Cam Basic 1080p", "Cam 360 2K"];
    public static readonly string[] Firmware = ["3.5.1", "4.1.6"];
    public static readonly string[] Regions = ["EU", "US", "APAC"];
    public static readonly (string Key, string Kind, AccessActions Actions)[] Integrations =
    [
        ("google-assistant", "Assistant", AccessActions.All),
        ("alexa", "Assistant", AccessActions.Stream | AccessActions.Snapshot),
        ("ifttt", "Automation", AccessActions.Events | AccessActions.Control | AccessActions.Stream),
    ];
    public const int AccountCount = 4;
    public const int DeviceCount = 6;

    public static Guid AccountId(int index) => new($"00000000-0000-0000-0000-0000000000a{index}");

    public static Guid IntegrationId(int index) => new($"00000000-0000-0000-0000-0000000000b{index}");

    public static Guid DeviceId(int index) => new($"00000000-0000-0000-0000-0000000000c{index}");

    public static string Serial(int index) => $"RADIUS-CAM-{index}";

    /// <summary>Empties the fleet tables and writes the starting state (integrations, accounts, devices; no links).</summary>
    public async Task ArrangeAsync(NpgsqlConnection connection)
    {
        await RadiusSql.ExecuteAsync(connection, """
            DELETE FROM kill_switches; DELETE FROM device_exposures; DELETE FROM account_links;
            DELETE FROM devices; DELETE FROM accounts; DELETE FROM integrations;
            """);
        for (var i = 0; i < Integrations.Length; i++)
        {
            var (key, kind, actions) = Integrations[i];
            await RadiusSql.ExecuteAsync(connection, """
                INSERT INTO integrations (id, key, name, kind, actions, accepts_new_links, created_at)
                VALUES (@id, @key, @key, @kind, @actions, true, now())
                """, ("id", IntegrationId(i)), ("key", key), ("kind", kind), ("actions", (int)actions));
        }
        for (var a = 0; a < AccountCount; a++)
        {
            await RadiusSql.ExecuteAsync(connection, """
                INSERT INTO accounts (id, email, display_name, region, status, created_at)
                VALUES (@id, @email, @email, 'EU', @status, now())
                """, ("id", AccountId(a)), ("email", $"a{a}@radius.test"), ("status", Locked[a] ? "Locked" : "Active"));
        }
        for (var d = 0; d < DeviceCount; d++)
        {
            var (model, firmware, region) = Columns[d];
            await RadiusSql.ExecuteAsync(connection, """
                INSERT INTO devices (id, serial, mac, model, firmware, region, status, owner_id, ownership_version, created_at)
                VALUES (@id, @serial, @mac, @model, @firmware, @region, 'Active', @owner, 0, now())
                """, ("id", DeviceId(d)), ("serial", Serial(d)), ("mac", $"AABBCCDDEE{d:X2}"), ("model", Models[model]),
                ("firmware", Firmware[firmware]), ("region", Regions[region]),
                ("owner", Owners[d] is { } owner ? AccountId(owner) : null));
        }
    }

    public override string ToString() =>
        $"owners [{string.Join(", ", Owners.Select(o => o?.ToString() ?? "-"))}], columns [{string.Join(", ", Columns)}], " +
        $"locked [{string.Join(", ", Locked)}], steps:\n  {string.Join("\n  ", Steps)}";
}
