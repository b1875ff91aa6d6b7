using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dashboard.LocalPostgres;

public sealed partial class LocalPostgresServer
{
    private const int MaxStartAttempts = 5;
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Makes this process the cluster's owner. A server still running on the folder is either in use by a live
    /// owner (refused: stopping it would break that process) or was left behind by one that crashed (stopped
    /// here, then started afresh with this run's settings rather than reused with unknown ones). A postmaster.pid
    /// naming a process that is gone, or one that is not this folder's server, is stale and removed.
    /// </summary>
    private static async Task ClaimAsync(DataFolder folder, PostgresBinaries binaries, CommandRunner runner, ILogger logger, CancellationToken ct)
    {
        var owner = ClusterOwner.Read(folder.OwnerFile);
        if (PostmasterPid.Read(folder.PostmasterPidFile) is { } pid)
        {
            if (RunningProcesses.IsPostmasterOf(pid, folder.Path))
            {
                if (owner is not null && owner.IsAlive)
                {
                    throw new LocalPostgresException(
                        $"The PostgreSQL data folder '{folder.Path}' is in use by process {owner.ProcessId}. " +
                        "Stop that process, or give this one another folder (Dashboard__DataDir).");
                }
                PostgresLog.StoppingLeftBehindServer(logger, pid, folder.Path);
                await runner.RunCheckedAsync(binaries.PgCtl, ["stop", "-D", folder.Path, "-m", "fast", "-w", "-t", "60"], TimeSpan.FromSeconds(90), ct);
            }
            else
            {
                PostgresLog.RemovingStalePidFile(logger, folder.Path, pid);
                File.Delete(folder.PostmasterPidFile);
            }
        }
        ClusterOwner.Current.Write(folder.OwnerFile);
    }

    /// <summary>
    /// initdb with a generated superuser password and SCRAM-SHA-256 for every connection. The password file is
    /// written first; as root, initdb (run as <c>postgres</c>) reads a copy it owns, removed once it is done.
    /// </summary>
    private static async Task<string> InitializeAsync(
        DataFolder folder, PostgresBinaries binaries, CommandRunner runner, LocalPostgresOptions options, ILogger logger, CancellationToken ct)
    {
        PostgresLog.CreatingCluster(logger, folder.Path);
        var password = ClusterPassword.Generate();
        ClusterPassword.Write(folder.PasswordFile, password);
        var pwfile = folder.PasswordFile;
        if (runner.AsPostgresUser)
        {
            pwfile = folder.PasswordFile + ".initdb";
            ClusterPassword.Write(pwfile, password);
            await new CommandRunner(asPostgresUser: false).RunCheckedAsync(
                "chown", [$"{UnixUser.PostgresAccount}:", pwfile], Quick, ct);
        }
        List<string> arguments =
        [
            "-D", folder.Path, "-E", "UTF8", "--locale=" + (OperatingSystem.IsLinux() ? "C.UTF-8" : "C"),
            "--auth-local=" + TrustMigration.Method, "--auth-host=" + TrustMigration.Method,
            "-U", "postgres", "--pwfile=" + pwfile,
        ];
        if (options.Ephemeral)
        {
            arguments.Add("--no-sync");
        }
        try
        {
            await runner.RunCheckedAsync(binaries.InitDb, arguments, InitDbTimeout, ct);
        }
        finally
        {
            if (pwfile != folder.PasswordFile)
            {
                File.Delete(pwfile);
            }
        }
        return password;
    }

    /// <summary>
    /// The password of an existing cluster. One that still trusts (an earlier version's) gets one now, set once the
    /// server runs (<see cref="RequirePasswordAsync"/>); one that asks for a password but lost its file is refused.
    /// </summary>
    private static string KeptPassword(DataFolder folder, bool trusting)
    {
        if (ClusterPassword.Read(folder.PasswordFile) is { } kept)
        {
            return kept;
        }
        if (!trusting)
        {
            throw new LocalPostgresException(
                $"The PostgreSQL cluster in '{folder.Path}' requires a password, but its password file " +
                $"'{folder.PasswordFile}' is missing. Restore that file; or, to set a new password, replace " +
                $"'{TrustMigration.Method}' with 'trust' in '{folder.HbaFile}' and start again: the start sets a new " +
                "password, keeps it in that file and stops trusting.");
        }
        var password = ClusterPassword.Generate();
        ClusterPassword.Write(folder.PasswordFile, password);
        return password;
    }

    /// <summary>Binaries of another major version cannot open the cluster; say so plainly instead of via the server log.</summary>
    private static async Task CheckVersionAsync(DataFolder folder, PostgresBinaries binaries, CommandRunner runner, CancellationToken ct)
    {
        if (folder.ClusterMajorVersion is not { } clusterVersion)
        {
            return;
        }
        var output = (await runner.RunCheckedAsync(binaries.Postgres, ["--version"], Quick, ct)).Output;
        var match = Regex.Match(output, @"\(PostgreSQL\)\s+(\d+)");
        if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var binaryVersion && binaryVersion != clusterVersion)
        {
            throw new LocalPostgresException(
                $"The data folder '{folder.Path}' was created by PostgreSQL {clusterVersion}, but the binaries in " +
                $"'{binaries.BinDirectory}' are PostgreSQL {binaryVersion}. Set Dashboard__PostgresBin to a PostgreSQL " +
                $"{clusterVersion} bin folder, or use another data folder (Dashboard__DataDir).");
        }
    }

    /// <summary>Starts the server on the preferred port if free, else on a free one; retries when another process
    /// takes the port between our check and the server's bind.</summary>
    private static async Task<int> StartServerAsync(
        DataFolder folder, PostgresBinaries binaries, CommandRunner runner, LocalPostgresOptions options, ILogger logger, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = attempt == 1 && options.Port is { } preferred && LoopbackPorts.IsFree(preferred)
                ? preferred
                : LoopbackPorts.PickFree();
            if (attempt == 1 && options.Port is { } wanted && wanted != port)
            {
                PostgresLog.PortInUse(logger, wanted, port);
            }

            var logOffset = folder.LogLength;
            var timeoutSeconds = (int)Math.Ceiling(options.StartTimeout.TotalSeconds);
            var result = await runner.RunAsync(binaries.PgCtl,
                ["start", "-w", "-t", timeoutSeconds.ToString(CultureInfo.InvariantCulture), "-D", folder.Path,
                 "-l", folder.LogFile, "-o", ServerOptions(port, options)],
                options.StartTimeout + Quick, ct);
            if (result.Succeeded)
            {
                return port;
            }

            var log = folder.ReadLogSince(logOffset);
            if (IsPortCollision(log) && attempt < MaxStartAttempts)
            {
                PostgresLog.PortTaken(logger, port);
                continue;
            }
            throw new LocalPostgresException(
                $"PostgreSQL did not start (pg_ctl exit code {result.ExitCode}).\n{result.Output}\nServer log ({folder.LogFile}):\n{log.Trim()}");
        }
    }

    internal static string ServerOptions(int port, LocalPostgresOptions options)
    {
        var settings = new List<string>
        {
            $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            // No Unix socket: nothing to create in /var/run/postgresql (root-owned here), and no second way in.
            "-c unix_socket_directories=''",
            $"-c max_connections={options.MaxConnections.ToString(CultureInfo.InvariantCulture)}",
        };
        if (options.Ephemeral)
        {
            // Throwaway test data: durability buys nothing and costs most of the run time.
            settings.Add("-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        return string.Join(' ', settings);
    }

    internal static bool IsPortCollision(string serverLog) =>
        serverLog.Contains("Address already in use", StringComparison.Ordinal) ||
        serverLog.Contains("could not create any TCP/IP sockets", StringComparison.Ordinal);

    /// <summary>
    /// Moves a cluster that trusts every local connection to its password (see <see cref="TrustMigration"/>):
    /// sets the superuser's password while trust still lets us in, rewrites <c>pg_hba.conf</c>, reloads, and waits
    /// until a wrong password is refused.
    /// </summary>
    private async Task RequirePasswordAsync(CancellationToken ct)
    {
        PostgresLog.SettingPassword(_logger, _folder.Path, _folder.PasswordFile);
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            // No parameters in ALTER ROLE; the generated password is base64url, nothing in it needs quoting.
            await using (var alter = new NpgsqlCommand(
                $"SET password_encryption = '{TrustMigration.Method}'; ALTER ROLE postgres PASSWORD '{_password}'", connection))
            {
                await alter.ExecuteNonQueryAsync(ct);
            }
            TrustMigration.RewriteHba(_folder);
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteNonQueryAsync(ct);
        }
        var deadline = DateTime.UtcNow + Quick;
        while (!await RefusesAsync("not-the-password", ct))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new LocalPostgresException(
                    $"PostgreSQL in '{_folder.Path}' still admits connections without the password after " +
                    $"'{_folder.HbaFile}' was changed to require it; see the server log ({_folder.LogFile}).");
            }
            await Task.Delay(50, ct);
        }
    }

    /// <summary>Whether the server turns away the superuser with this (wrong) password.</summary>
    private async Task<bool> RefusesAsync(string password, CancellationToken ct)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString("postgres"))
        {
            Password = password, Pooling = false, Timeout = 5,
        }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return false;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            return true;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 5 }.ConnectionString;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                throw new LocalPostgresException(
                    $"PostgreSQL in '{_folder.Path}' refused the password kept in '{_folder.PasswordFile}'. Restore the " +
                    $"file the cluster was created with; or, to set a new password, replace '{TrustMigration.Method}' " +
                    $"with 'trust' in '{_folder.HbaFile}' and start again.", ex);
            }
            catch (NpgsqlException ex) when (DateTime.UtcNow < deadline)
            {
                PostgresLog.NotAcceptingYet(_logger, ex);
                await Task.Delay(100, ct);
            }
        }
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
        await create.ExecuteNonQueryAsync(ct);
        PostgresLog.CreatedDatabase(_logger, database);
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task StopAsync(DataFolder folder, PostgresBinaries binaries, CommandRunner runner, ILogger logger, CancellationToken ct)
    {
        var result = await runner.RunAsync(binaries.PgCtl, ["stop", "-D", folder.Path, "-m", "fast", "-w", "-t", "60"], TimeSpan.FromSeconds(90), ct);
        if (!result.Succeeded && PostmasterPid.Read(folder.PostmasterPidFile) is not null)
        {
            throw new LocalPostgresException($"Could not stop PostgreSQL in {folder.Path}:\n{result.Output}");
        }
        if (ClusterOwner.Read(folder.OwnerFile) == ClusterOwner.Current)
        {
            File.Delete(folder.OwnerFile);
        }
        PostgresLog.Stopped(logger, folder.Path);
    }
}
