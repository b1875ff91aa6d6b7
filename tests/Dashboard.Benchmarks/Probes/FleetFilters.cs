using Dashboard.Core.Devices;
using Npgsql;

namespace Dashboard.Benchmarks.Probes;

/// <summary>
/// Filters of the fleet list taken from the fleet itself, from broad to narrow: the most common region (cap reached
/// at once), the rarest region and the rarest model (the cap reached after reading more), unowned devices, and the
/// rarest (model, firmware, region) combination (fewer matches than the cap: counted exactly).
/// </summary>
internal static class FleetFilters
{
    public static async Task<IReadOnlyList<(string Name, FleetFilter Filter, string Query)>> OfAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var commonRegion = await FirstAsync(connection, "SELECT region FROM devices GROUP BY region ORDER BY count(*) DESC, region LIMIT 1", ct);
        var rareRegion = await FirstAsync(connection, "SELECT region FROM devices GROUP BY region ORDER BY count(*), region LIMIT 1", ct);
        var rareModel = await FirstAsync(connection, "SELECT model FROM devices GROUP BY model ORDER BY count(*), model LIMIT 1", ct);
        var cell = await FirstAsync(connection, """
            SELECT model || E'\t' || firmware || E'\t' || region FROM devices
            GROUP BY model, firmware, region ORDER BY count(*), model, firmware, region LIMIT 1
            """, ct);
        var parts = cell.Split('\t');
        // Named by kind, not value, so the two sizes of `scale` line up even when their rarest values differ.
        (string Name, FleetFilter Filter, string Query)[] filters =
        [
            ("most common region", new FleetFilter(Region: commonRegion), "region=" + Escape(commonRegion)),
            ("rarest region", new FleetFilter(Region: rareRegion), "region=" + Escape(rareRegion)),
            ("rarest model", new FleetFilter(Model: rareModel), "model=" + Escape(rareModel)),
            ("unowned", new FleetFilter(Owned: false), "owned=false"),
            ("rarest model/firmware/region", new FleetFilter(parts[0], parts[1], parts[2]),
                $"model={Escape(parts[0])}&firmware={Escape(parts[1])}&region={Escape(parts[2])}"),
        ];
        foreach (var (name, _, query) in filters)
        {
            Console.WriteLine($"    filter {name}: {Uri.UnescapeDataString(query)}");
        }
        return filters;
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static async Task<string> FirstAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        // Untimed set-up that reads the whole fleet: no command timeout at 10M.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
