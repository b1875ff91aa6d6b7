using System.Diagnostics;
using Dashboard.LocalPostgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dashboard.IntegrationTests.LocalPostgres;

/// <summary>A temporary folder for one test's own cluster, removed (with any server still on it) afterwards.</summary>
internal sealed class ClusterFolder : IAsyncDisposable
{
    private readonly List<LocalPostgresServer> _servers = [];

    public ClusterFolder()
    {
        Root = Directory.CreateTempSubdirectory("dashboard-lpg-").FullName;
        // Created 0700; as root the server runs as postgres, which must pass through (like any folder in /tmp).
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "pgdata");

    public string PostmasterPidFile => Path.Combine(DataDirectory, "postmaster.pid");

    public LocalPostgresOptions Options(int? port = null) =>
        new() { DataDirectory = DataDirectory, Database = "app", Port = port };

    public async Task<LocalPostgresServer> StartAsync(LocalPostgresOptions? options = null)
    {
        var server = await LocalPostgresServer.StartAsync(options ?? Options(), NullLogger.Instance);
        _servers.Add(server);
        return server;
    }

    public static async Task<T?> QueryAsync<T>(LocalPostgresServer server, string sql, string database = "app")
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }

    public static async Task ExecuteAsync(LocalPostgresServer server, string sql, string database = "app")
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The id of a process that has exited: what a crashed owner leaves in its files.</summary>
    public static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        if (PostmasterPid.Read(PostmasterPidFile) is { } pid && RunningProcesses.IsPostgres(pid))
        {
            // A server the test started behind the runner's back.
            await new CommandRunner(UnixUser.IsRoot).RunAsync(
                PostgresBinaries.Locate(null).PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate"], TimeSpan.FromSeconds(30), default);
        }
        Directory.Delete(Root, recursive: true);
    }
}
