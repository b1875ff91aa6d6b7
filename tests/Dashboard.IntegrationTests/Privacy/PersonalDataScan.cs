using Npgsql;

namespace Dashboard.IntegrationTests.Privacy;

/// <summary>
/// Searches every text, varchar, char, json and jsonb column of every table in the public schema for a string (any
/// case). Found from the catalog, not from a list, so a table added later is searched without anyone remembering to.
/// </summary>
internal static class PersonalDataScan
{
    /// <summary>"table.column: n rows" for every column holding <paramref name="needle"/>; empty when none does.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, string needle)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
            ORDER BY c.table_name, c.column_name
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        columns.Count.ShouldBeGreaterThan(20, "the catalog query found the schema's text columns");

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            // Names come from the catalog and are quoted; the needle is a parameter.
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM public.\"{table}\" WHERE strpos(lower(\"{column}\"::text), lower(@needle)) > 0", connection);
            count.Parameters.AddWithValue("needle", needle);
            var rows = (long)(await count.ExecuteScalarAsync())!;
            if (rows > 0)
            {
                found.Add($"{table}.{column}: {rows} row(s)");
            }
        }
        return found;
    }
}
