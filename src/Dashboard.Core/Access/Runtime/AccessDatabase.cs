using Npgsql;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// The decision path's own connections, apart from EF Core's: a pool tuned for short prepared reads (facts, heartbeat,
/// propagation polls), and the settings of the one long-lived LISTEN connection.
/// </summary>
public sealed class AccessDatabase : IAsyncDisposable
{
    public const string FeedApplicationNamePrefix = "dashboard-feed-";

    public AccessDatabase(string connectionString, AccessOptions options, InstanceIdentity instance)
    {
        var timeout = (int)Math.Ceiling(options.DatabaseTimeout.TotalSeconds);
        var pool = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "dashboard-access",
            Timeout = timeout,
            CommandTimeout = timeout,
            // The hot path leaves no session state behind, so resetting it on every return to the pool is pure cost.
            NoResetOnClose = true,
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        };
        Pool = NpgsqlDataSource.Create(pool);

        var feed = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Named per instance, so an operator (or a test) can find this instance's feed in pg_stat_activity.
            ApplicationName = FeedApplicationNamePrefix + instance.InstanceId,
            Timeout = timeout,
            Pooling = false,
            // Idle for a second: Npgsql sends a keepalive, so a dead server is noticed while nothing is notified.
            KeepAlive = 1,
        };
        FeedConnectionString = feed.ConnectionString;
    }

    public NpgsqlDataSource Pool { get; }

    public string FeedConnectionString { get; }

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
