using Npgsql;

namespace Dashboard.IntegrationTests.Devices;

/// <summary>
/// Devices in bulk around the count cap (10,000): region CAP has one more than the cap, region EXACT exactly the cap,
/// region FEW three. Serials are the region and a number (CAP-00001 ...), so a serial prefix matches a whole region.
/// </summary>
internal static class CappedFleet
{
    public const int OverTheCap = 10_001;
    public const int AtTheCap = 10_000;
    public const int Few = 3;

    public static async Task InsertAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var first = 0;
        foreach (var (region, count) in new[] { ("CAP", OverTheCap), ("EXACT", AtTheCap), ("FEW", Few) })
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO devices (id, serial, mac, model, firmware, region, status, ownership_version, created_at)
                SELECT gen_random_uuid(), @region || '-' || lpad(i::text, 5, '0'), 'FE' || upper(lpad(to_hex(@first + i), 10, '0')),
                       'Capped Cam', '1.0', @region, 'Active', 0, now()
                FROM generate_series(1, @count) AS i
                """, connection);
            command.Parameters.AddWithValue("region", region);
            command.Parameters.AddWithValue("first", first);
            command.Parameters.AddWithValue("count", count);
            await command.ExecuteNonQueryAsync();
            first += count;
        }
    }
}
