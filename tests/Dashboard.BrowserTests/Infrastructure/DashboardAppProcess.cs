using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Dashboard.BrowserTests.Infrastructure;

/// <summary>
/// The already-built web app run as a child process (<c>dotnet Dashboard.Web.dll</c>) in Development, on a free
/// loopback port with a fresh data folder: the same way a person runs it, embedded PostgreSQL and demo seeding
/// included. Nothing is built here.
/// </summary>
public sealed partial class DashboardAppProcess : IAsyncDisposable
{
    public const int GeneratedDevices = 200;

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);
    private const int MaxLogLines = 400;

    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();
    private readonly string dataDirectory;

    private DashboardAppProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's recent console output, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, log);

    /// <summary>
    /// Starts the app over its own embedded PostgreSQL, or over <paramref name="connectionString"/> when given (a
    /// database the test owns and may stop; the app migrates and seeds it as in Development).
    /// </summary>
    public static async Task<DashboardAppProcess> StartAsync(string? connectionString = null)
    {
        var webAssembly = typeof(Program).Assembly.Location;
        var webDirectory = Path.GetDirectoryName(webAssembly)!;
        if (!File.Exists(Path.ChangeExtension(webAssembly, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{webAssembly} has no runtimeconfig.json next to it; build the solution first.");
        }

        // Under /tmp so the postgres system user can reach it when the tests run as root.
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"dashboard-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");

        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory: appsettings*.json and the static web asset manifests sit here.
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webAssembly);
        start.ArgumentList.Add($"--urls={baseAddress.ToString().TrimEnd('/')}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Dashboard__DataDir"] = dataDirectory;
        start.Environment["Dashboard__DemoFleet__Devices"] = GeneratedDevices.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Every test signs in from 127.0.0.1, more often than a person would: the per-address limit (tested with
        // its own settings in the integration tests) must not turn a later test away.
        start.Environment["Auth__SignInRateLimit__PermitLimit"] = "1000";
        // The embedded PostgreSQL unless the test gives a database, whatever the caller's shell has configured.
        start.Environment.Remove("ConnectionStrings__Dashboard");
        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__Dashboard"] = connectionString;
        }
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new DashboardAppProcess(process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow first answer while migrations run.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"/readyz did not answer 200 within {StartupTimeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>SIGTERM first so the app stops its PostgreSQL itself; a kill and a direct stop as the fallback.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            _ = SendSignal(process.Id, SigTerm);
            using var wait = new CancellationTokenSource(ShutdownTimeout);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
        StopLeftoverPostgres();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server that is still shutting down may hold files; the folder is under /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>pg_ctl detaches the server, so killing the app's process tree does not reach it.</summary>
    private void StopLeftoverPostgres()
    {
        foreach (var pidFile in Directory.EnumerateFiles(dataDirectory, "postmaster.pid", SearchOption.AllDirectories))
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (int.TryParse(firstLine, out var pid))
            {
                _ = SendSignal(pid, SigQuit); // PostgreSQL's immediate shutdown.
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        log.Enqueue(line);
        while (log.Count > MaxLogLines && log.TryDequeue(out _))
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigQuit = 3;
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
