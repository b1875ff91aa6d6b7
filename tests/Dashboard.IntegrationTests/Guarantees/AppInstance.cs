using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// One instance of the app as a separate process (<c>dotnet Dashboard.Web.dll</c>, the build next to the tests) on
/// a free loopback port, in Development, over a database it is given. Separate processes share nothing but the
/// database and the network, exactly as two instances behind a load balancer do: no singleton, pool or cache can be
/// shared by accident, and clients reach it through Kestrel over real sockets. Nothing here depends on xunit, so
/// other projects can link this file.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);
    private const int MaxLogLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private int _disposed;

    private AppInstance(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>A name for messages ("A", "B").</summary>
    public string Name { get; }

    public Uri BaseAddress { get; }

    /// <summary>The process id, to show that an instance survived (was not restarted).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The instance's enforcement-point id (its row in <c>enforcement_points</c>), once known.</summary>
    public string? InstanceId { get; internal set; }

    /// <summary>The app's recent console output, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _log);

    /// <summary>
    /// Starts the app over <paramref name="connectionString"/> (already migrated) and waits for <c>/readyz</c>, or, with
    /// <paramref name="waitUntilReady"/> false, not at all (for tests that act on it while it starts up).
    /// <paramref name="settings"/> are configuration keys (<c>Access:HeartbeatInterval</c>) passed as environment variables.
    /// </summary>
    public static async Task<AppInstance> StartAsync(
        string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null, bool waitUntilReady = true)
    {
        var webAssembly = typeof(Program).Assembly.Location;
        var webDirectory = Path.GetDirectoryName(webAssembly)!;
        if (!File.Exists(Path.ChangeExtension(webAssembly, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{webAssembly} has no runtimeconfig.json next to it; build the solution first.");
        }
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webDirectory,   // the content root: appsettings*.json sit here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webAssembly);
        start.ArgumentList.Add($"--urls={baseAddress.ToString().TrimEnd('/')}");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in DefaultSettings(connectionString).Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var instance = new AppInstance(name, process, baseAddress);
        // A test host that is killed or exits without disposing its fixtures must not leave the app running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.KillIfRunning();
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (waitUntilReady)
            {
                await instance.WaitUntilReadyAsync(StartupTimeout);
            }
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
        return instance;
    }

    /// <summary>Development (the demo fixture's tokens and bridge keys), the given database, no generated fleet.</summary>
    private static Dictionary<string, string> DefaultSettings(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings:Dashboard"] = connectionString,
        ["Database:ApplyMigrationsOnStartup"] = "false",
        // Seeding only inserts what is missing, so the second instance finds the fixture there and adds nothing.
        ["Database:SeedDemoData"] = "true",
        ["Dashboard:DemoFleet:Devices"] = "0",
    };

    /// <summary>A client of this instance; with a bearer token (staff token or bridge key) when given.</summary>
    public HttpClient CreateClient(string? bearerToken = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return client;
    }

    /// <summary>Whether <c>/readyz</c> answers 200 now (false on any other answer or no answer within 2 s).</summary>
    public async Task<bool> IsReadyAsync()
    {
        using var client = CreateClient(timeout: TimeSpan.FromSeconds(2));
        try
        {
            using var response = await client.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Instance {Name} exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }
            if (await IsReadyAsync())
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException(
            $"Instance {Name}: /readyz did not answer 200 within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>
    /// SIGKILL to the process and its children, what a crash or an OOM kill does: no shutdown code runs, so its
    /// enforcement-point row stays until its lease lapses and its open transactions are left to PostgreSQL.
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM, so the instance stops answering and removes its enforcement-point row; a kill if it hangs. A test may
    /// stop an instance early this way; the fixture's later dispose then does nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var wait = new CancellationTokenSource(ShutdownTimeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private void KillIfRunning()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or disposed.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        _log.Enqueue(line);
        while (_log.Count > MaxLogLines && _log.TryDequeue(out _))
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => $"instance {Name} ({BaseAddress})";
}
