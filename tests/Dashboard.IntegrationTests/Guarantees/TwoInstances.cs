using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// Two instances of the app (<see cref="A"/> and <see cref="B"/>, separate processes, see <see cref="AppInstance"/>)
/// over one database, each its own enforcement point with its own lease and change feed. A starts first and seeds the
/// demo fixture; B starts once A is ready. Each instance's enforcement-point id is learnt from the
/// <c>enforcement_points</c> row it adds, so its change-feed connection can be found (and cut) in pg_stat_activity.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(string connectionString, AppInstance a, AppInstance b)
    {
        ConnectionString = connectionString;
        A = a;
        B = b;
    }

    public string ConnectionString { get; }

    public AppInstance A { get; }

    public AppInstance B { get; }

    public IReadOnlyList<AppInstance> Both => [A, B];

    /// <summary>Starts A, then B, over <paramref name="connectionString"/> (a migrated database without an instance row).</summary>
    public static async Task<TwoInstances> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var a = await AppInstance.StartAsync("A", connectionString, settings);
        try
        {
            a.InstanceId = (await InstanceIdsAsync(connectionString)).Single();
            var b = await AppInstance.StartAsync("B", connectionString, settings);
            b.InstanceId = (await InstanceIdsAsync(connectionString)).Single(id => id != a.InstanceId);
            return new TwoInstances(connectionString, a, b);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>Arranges rows of a test's own over the shared database (see <see cref="AccessWorld"/>).</summary>
    /// <remarks>The instances reload bridge keys every couple of seconds, and at once when they meet an unknown one.</remarks>
    internal AccessWorld World => new(CreateDbContext, () => Task.CompletedTask);

    public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(ConnectionString);

    /// <summary>
    /// Commits <paramref name="change"/> the way the product's writers do (revision bumped and change notified in the
    /// transaction), then waits for the proof of propagation over both instances, as a writer's endpoint does before
    /// it answers. For changes that have no API yet.
    /// </summary>
    internal async Task<PropagationProof> CommitAndPropagateAsync(PolicyChange notified, Func<DashboardDbContext, Task> change)
    {
        var revision = await World.ChangeAsync(notified, change);
        var options = new AccessOptions();
        await using var database = new AccessDatabase(ConnectionString, options, new InstanceIdentity());
        var proof = await new PropagationWaiter(database, Options.Create(options), TimeProvider.System).WaitAsync(revision);
        proof.IsComplete.ShouldBeTrue();
        return proof;
    }

    /// <summary>The id of the demo account with this email.</summary>
    public async Task<Guid> AccountIdAsync(string email)
    {
        await using var db = CreateDbContext();
        return await db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The server process of <paramref name="instance"/>'s LISTEN connection, or null while it has none.</summary>
    public async Task<int?> FeedBackendPidAsync(AppInstance instance)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AccessDatabase.FeedApplicationNamePrefix + instance.InstanceId });
        return await command.ExecuteScalarAsync() as int?;
    }

    /// <summary>Ends <paramref name="instance"/>'s change-feed session from the server side; true if there was one.</summary>
    public async Task<bool> CutFeedAsync(AppInstance instance)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AccessDatabase.FeedApplicationNamePrefix + instance.InstanceId });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async ValueTask DisposeAsync()
    {
        // Both at once: each stops answering, then removes its row.
        await Task.WhenAll(A.DisposeAsync().AsTask(), B.DisposeAsync().AsTask());
    }

    private static async Task<List<string>> InstanceIdsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_id FROM enforcement_points", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}

/// <summary>
/// Two instances over a fresh database on the test run's shared cluster, for every guarantee test that does not stop
/// PostgreSQL (a collection fixture: started once, a few seconds).
/// </summary>
public sealed class SharedClusterInstances : IAsyncLifetime
{
    private TwoInstances? _instances;
    private string? _connectionString;

    public TwoInstances Instances => _instances ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("guarantees");
        _instances = await TwoInstances.StartAsync(_connectionString);
    }

    public async Task DisposeAsync()
    {
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
        if (_connectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
        }
    }
}

/// <summary>
/// Guarantee tests run alone (no other test class in parallel): their deadlines are the product's, and CPU taken by
/// other tests on a small machine would be measured as if it were the product's delay.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GuaranteesCollection : ICollectionFixture<SharedClusterInstances>
{
    public const string Name = "Guarantees";
}
