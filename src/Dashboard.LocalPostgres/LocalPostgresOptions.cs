namespace Dashboard.LocalPostgres;

public sealed record LocalPostgresOptions
{
    /// <summary>Absolute path of the cluster's data folder; created (initdb) when empty, reused otherwise.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Folder holding initdb, pg_ctl and postgres; found automatically when null.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Database created on first start (besides <c>postgres</c>).</summary>
    public string Database { get; init; } = "dashboard";

    /// <summary>Preferred loopback port; a free one is chosen when null or when this one is taken.</summary>
    public int? Port { get; init; }

    /// <summary>Throwaway clusters for tests: fsync and friends off. Never for the run command's data.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>Sized for test runs that open many pools at once.</summary>
    public int MaxConnections { get; init; } = 200;

    /// <summary>How long to wait for the server to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
