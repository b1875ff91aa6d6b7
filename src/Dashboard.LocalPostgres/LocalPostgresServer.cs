using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dashboard.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster started from the machine's server binaries, listening on 127.0.0.1 only.
/// The data folder is created (initdb) on first start and reused afterwards. The server stops on
/// <see cref="DisposeAsync"/> and, as a safety net, when the process exits (Ctrl+C and SIGTERM end the host,
/// whose exit runs the handler). A server left behind by a crashed owner is stopped and started afresh.
/// </summary>
public sealed partial class LocalPostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly DataFolder _folder;
    private readonly PostgresBinaries _binaries;
    private readonly CommandRunner _runner;
    private readonly ILogger _logger;
    private readonly bool _ephemeral;
    private readonly string _password;
    private int _stopped;

    private LocalPostgresServer(
        DataFolder folder, PostgresBinaries binaries, CommandRunner runner, ILogger logger, bool ephemeral, int port, string password)
    {
        _password = password;
        _folder = folder;
        _binaries = binaries;
        _runner = runner;
        _logger = logger;
        _ephemeral = ephemeral;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => _folder.Path;

    /// <summary>Where the server writes its log (beside the data folder).</summary>
    public string LogFile => _folder.LogFile;

    /// <summary>Where the superuser's password is kept (beside the data folder, owner-only).</summary>
    public string PasswordFile => _folder.PasswordFile;

    /// <summary>
    /// Root: <c>/var/lib/{appName}</c>. Otherwise <c>$XDG_DATA_HOME/{appName}</c>, or <c>~/.local/share/{appName}</c>.
    /// The app keeps its cluster in a folder below this one.
    /// </summary>
    public static string DefaultDataDirectory(string appName)
    {
        if (UnixUser.IsRoot)
        {
            return Path.Combine("/var/lib", appName);
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseDir, appName);
    }

    public static async Task<LocalPostgresServer> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Locate(options.BinDirectory);
        var folder = new DataFolder(options.DataDirectory);
        var runner = new CommandRunner(asPostgresUser: UnixUser.IsRoot);

        var created = folder.Create();
        if (runner.AsPostgresUser)
        {
            await RootPreparation.PrepareAsync(folder, created, runner, ct);
        }
        await ClaimAsync(folder, binaries, runner, logger, ct);

        var trusting = false;
        string password;
        if (!folder.IsInitialized)
        {
            password = await InitializeAsync(folder, binaries, runner, options, logger, ct);
        }
        else
        {
            await CheckVersionAsync(folder, binaries, runner, ct);
            trusting = TrustMigration.IsTrusting(folder);
            password = KeptPassword(folder, trusting);
        }

        var port = await StartServerAsync(folder, binaries, runner, options, logger, ct);
        var server = new LocalPostgresServer(folder, binaries, runner, logger, options.Ephemeral, port, password);
        AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
        // A crash (say, a start-up failure in the host) ends the process without ProcessExit.
        AppDomain.CurrentDomain.UnhandledException += server.OnProcessExit;
        try
        {
            await server.WaitUntilReadyAsync(options.StartTimeout, ct);
            if (trusting)
            {
                await server.RequirePasswordAsync(ct);
            }
            await server.EnsureDatabaseAsync(options.Database, ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        PostgresLog.Listening(logger, port, folder.Path, folder.LogFile);
        return server;
    }

    /// <summary>
    /// Superuser <c>postgres</c> with its password (SCRAM-SHA-256; see <see cref="ClusterPassword"/>). The port only
    /// listens on 127.0.0.1, and every connection to it needs the password.
    /// </summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>); safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnProcessExit;
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await StopAsync(_folder, _binaries, _runner, _logger, CancellationToken.None);
        DeleteIfEphemeral();
    }

    /// <summary>
    /// The safety net, on process exit or crash. While the process exits, waiting on a child process (pg_ctl) is not dependable (the test
    /// host, for one, is killed soon after), so this signals the postmaster itself: SIGINT is PostgreSQL's fast
    /// shutdown, what <c>pg_ctl stop -m fast</c> sends; the server removes postmaster.pid when it is done.
    /// </summary>
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        try
        {
            if (PostmasterPid.Read(_folder.PostmasterPidFile) is { } pid && RunningProcesses.IsPostmasterOf(pid, _folder.Path))
            {
                RunningProcesses.SendFastShutdown(pid);
                var deadline = DateTime.UtcNow + StopTimeout;
                while (File.Exists(_folder.PostmasterPidFile) && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(20);
                }
            }
            if (!DeleteIfEphemeral())
            {
                File.Delete(_folder.OwnerFile);
            }
        }
        catch (Exception ex)
        {
            // Nothing more can be done while the process exits; say what may be left running.
            Console.Error.WriteLine($"Could not stop PostgreSQL in {_folder.Path}: {ex.Message}");
        }
    }

    /// <summary>
    /// Deletes a throwaway cluster's files, the owner file last: a deletion cut short (a test host is killed soon
    /// after it exits) leaves an owner file naming a dead process, which <see cref="AbandonedClusters"/> cleans up.
    /// </summary>
    private bool DeleteIfEphemeral()
    {
        if (!_ephemeral)
        {
            return false;
        }
        try
        {
            Directory.Delete(_folder.Path, recursive: true);
            File.Delete(_folder.LogFile);
            File.Delete(_folder.PasswordFile);
            File.Delete(_folder.OwnerFile);
        }
        catch (IOException ex)
        {
            PostgresLog.ThrowawayNotDeleted(_logger, ex, _folder.Path);
        }
        return true;
    }
}
