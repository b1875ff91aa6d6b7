using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.LocalPostgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// Two instances (see <see cref="TwoInstances"/>) over a PostgreSQL cluster of their own, which a test may stop and
/// start again on the same port (<see cref="StopPostgresAsync"/>, <see cref="StartPostgresAsync"/>) without touching
/// the cluster other tests share. The cluster keeps its data across the stop, so it is not throwaway in PostgreSQL's
/// sense (fsync stays on); its folder is deleted when the fixture is done, or by the next run if this one is killed.
/// </summary>
public sealed class OwnClusterInstances : IAsyncLifetime
{
    private const string FolderPrefix = "dashboard-outage-";

    private readonly string _root = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
    private LocalPostgresOptions? _options;
    private LocalPostgresServer? _server;
    private TwoInstances? _instances;

    public TwoInstances Instances => _instances ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await AbandonedClusters.CleanUpAsync(Path.GetTempPath(), FolderPrefix, NullLogger.Instance);
        _options = new LocalPostgresOptions { DataDirectory = Path.Combine(_root, "pgdata"), Database = "dashboard" };
        _server = await LocalPostgresServer.StartAsync(_options, NullLogger.Instance);
        // Started again on the same port, so the instances' connection strings stay right.
        _options = _options with { Port = _server.Port };
        var connectionString = _server.ConnectionString("dashboard");
        await using (var db = TestPostgres.CreateDbContext(connectionString))
        {
            await db.Database.MigrateAsync();
        }
        _instances = await TwoInstances.StartAsync(connectionString);
    }

    /// <summary>
    /// Stops PostgreSQL with a fast shutdown (what <c>pg_ctl stop -m fast</c> sends: sessions are ended, then the server
    /// exits), signalled directly so the stop begins at a known moment, which is returned; the task completes once the
    /// server has exited.
    /// </summary>
    public async Task<long> StopPostgresAsync()
    {
        var server = _server ?? throw new InvalidOperationException("PostgreSQL is not running.");
        _server = null;
        var pidFile = Path.Combine(server.DataDirectory, "postmaster.pid");
        var pid = PostmasterPid.Read(pidFile) ?? throw new InvalidOperationException("PostgreSQL has no postmaster.pid.");
        var stopping = Moment.Now();
        RunningProcesses.SendFastShutdown(pid);
        var deadline = Moment.After(Moment.Now(), TimeSpan.FromSeconds(60));
        while (File.Exists(pidFile) && Moment.Now() < deadline)
        {
            await Task.Delay(10);
        }
        File.Exists(pidFile).ShouldBeFalse("PostgreSQL did not stop within a minute");
        await server.DisposeAsync();   // already stopped: this only releases the cluster (owner file, exit handlers)
        return stopping;
    }

    /// <summary>Starts PostgreSQL again over the same data, on the same port.</summary>
    public async Task StartPostgresAsync()
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("PostgreSQL is running.");
        }
        _server = await LocalPostgresServer.StartAsync(_options!, NullLogger.Instance);
        _server.Port.ShouldBe(_options!.Port!.Value, "PostgreSQL came back on another port");
    }

    public async Task DisposeAsync()
    {
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The next run's clean-up removes what is left.
        }
    }
}

/// <summary>Tests that stop PostgreSQL: alone, like every guarantee test, and apart from the shared instances.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OutageCollection
{
    public const string Name = "Guarantees (outage)";
}
