using Npgsql;

namespace Dashboard.IntegrationTests.Infrastructure;

/// <summary>
/// Makes one test database refuse every connection (its sessions are ended and new ones are not allowed), which is
/// what an app sees when PostgreSQL is down, without stopping the cluster other test classes share.
/// </summary>
internal static class DatabaseReachability
{
    public static async Task SetReachableAsync(string connectionString, bool reachable)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(await TestPostgres.AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using (var allow = new NpgsqlCommand($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {reachable}", connection))
        {
            await allow.ExecuteNonQueryAsync();
        }
        if (!reachable)
        {
            await using var end = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", connection);
            end.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
            await end.ExecuteNonQueryAsync();
        }
    }
}
