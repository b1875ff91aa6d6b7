using Npgsql;

namespace Dashboard.IntegrationTests.KillSwitches.Radius;

internal static class RadiusSql
{
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows in <paramref name="left"/> that <paramref name="right"/> lacks, as text (empty when none).</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(NpgsqlConnection connection, string left, string right)
    {
        await using var command = new NpgsqlCommand($"SELECT t::text FROM (({left}) EXCEPT ({right})) AS t", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
