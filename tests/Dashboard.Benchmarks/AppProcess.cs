using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Dashboard.Benchmarks;

/// <summary>
/// The real app (the built Dashboard.Web of the same configuration) as a child process on loopback Kestrel, over a
/// database of a <see cref="ThrowawayCluster"/>. Development environment, so it migrates and seeds the demo fixture
/// (staff tokens and bridge keys the scenarios use) and, when asked, the generated fleet; the rate limit is off.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts an instance and waits until <c>/readyz</c> answers 200 (fleet seeded, lease held). <paramref name="settings"/>
    /// are extra configuration values (environment variable names, <c>Section__Key</c>).
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string connectionString, long fleetDevices, TimeSpan readyTimeout, CancellationToken ct,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = WebAppPath();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Dashboard"] = connectionString;
        start.Environment["Database__ApplyMigrationsOnStartup"] = "true";
        start.Environment["Database__SeedDemoData"] = "true";
        start.Environment["Dashboard__DemoFleet__Devices"] = fleetDevices.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Access__RateLimit__Enabled"] = "false";
        // Many sessions sign in from this one address (the circuit measurements): the per-address sign-in limit
        // is for people, not for a benchmark.
        start.Environment["Auth__SignInRateLimit__PermitLimit"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(readyTimeout, ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{LastLines()}");
            }
            try
            {
                using var response = await client.GetAsync("/readyz", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"The app was not ready within {timeout}:\n{LastLines()}");
    }

    /// <summary>SIGTERM (the app leaves the enforcement points cleanly), then a kill if it does not stop in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, 15);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        _process.Dispose();
    }

    public string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    /// <summary>Dashboard.Web.dll of the same configuration, next to this program's output folder.</summary>
    private static string WebAppPath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DASHBOARD_BENCH_APP");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }
        // <artifacts>/bin/Dashboard.Benchmarks/<configuration>/ -> <artifacts>/bin/Dashboard.Web/<configuration>/
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(own.Parent!.Parent!.FullName, "Dashboard.Web", own.Name, "Dashboard.Web.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build Dashboard.Web first (or set DASHBOARD_BENCH_APP): {path} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
