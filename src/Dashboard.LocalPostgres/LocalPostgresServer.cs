using Microsoft.Extensions.Logging;

namespace Dashboard.LocalPostgres;

public sealed record LocalPostgresOptions
{
    /// <summary>Absolute path of the cluster's data folder; created (initdb) when empty, reused otherwise.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Folder holding initdb and pg_ctl; found automatically when null.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Database created on first start (besides <c>postgres</c>).</summary>
    public string Database { get; init; } = "dashboard";

    /// <summary>Loopback port; a free one is chosen when null.</summary>
    public int? Port { get; init; }

    /// <summary>Throwaway clusters for tests: fsync and friends off. Never for the run command's data.</summary>
    public bool Ephemeral { get; init; }
}

/// <summary>A private PostgreSQL cluster started from the machine's server binaries. STUB: being implemented.</summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    public int Port { get; private init; }

    public static string DefaultDataDirectory(string appName) => throw new NotImplementedException();

    public static Task<LocalPostgresServer> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public string ConnectionString(string database) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
