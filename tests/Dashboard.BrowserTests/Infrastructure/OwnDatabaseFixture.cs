using Dashboard.LocalPostgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.BrowserTests.Infrastructure;

/// <summary>
/// The app and Chromium of <see cref="DashboardFixture"/>, but over a PostgreSQL cluster the test owns, so it can stop
/// it under a signed-in browser (<see cref="StopPostgresAsync"/>) and start it again on the same port, over the same
/// data (<see cref="StartPostgresAsync"/>), while the app process keeps running.
/// </summary>
public sealed class OwnDatabaseFixture : DashboardFixture
{
    private const string FolderPrefix = "dashboard-browser-outage-";

    // Under /tmp so the postgres system user can reach it when the tests run as root.
    private readonly string root = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
    private LocalPostgresOptions options = null!;
    private LocalPostgresServer? server;

    protected override async Task<DashboardAppProcess> StartAppAsync()
    {
        // Folders left by a run that was killed before it could clean up.
        await AbandonedClusters.CleanUpAsync(Path.GetTempPath(), FolderPrefix, NullLogger.Instance);
        options = new LocalPostgresOptions { DataDirectory = Path.Combine(root, "pgdata"), Database = "dashboard" };
        server = await LocalPostgresServer.StartAsync(options, NullLogger.Instance);
        // Started again on the same port, so the app's connection string stays right.
        options = options with { Port = server.Port };
        return await DashboardAppProcess.StartAsync(server.ConnectionString("dashboard"));
    }

    /// <summary>A fast shutdown (<c>pg_ctl stop -m fast</c>): sessions are ended, then the server exits.</summary>
    public async Task StopPostgresAsync()
    {
        var running = server ?? throw new InvalidOperationException("PostgreSQL is not running.");
        server = null;
        await running.DisposeAsync();
    }

    public async Task StartPostgresAsync()
    {
        if (server is not null)
        {
            throw new InvalidOperationException("PostgreSQL is running.");
        }
        server = await LocalPostgresServer.StartAsync(options, NullLogger.Instance);
        server.Port.ShouldBe(options.Port!.Value, "PostgreSQL came back on another port");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Under /tmp; a server still shutting down may hold files.
        }
    }
}

/// <summary>Browser tests that stop PostgreSQL: their own app and cluster, apart from the shared app.</summary>
[CollectionDefinition(Name)]
public sealed class OwnDatabaseCollection : ICollectionFixture<OwnDatabaseFixture>
{
    public const string Name = "Dashboard app over a database the tests stop";
}
