using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dashboard.IntegrationTests.Deployment;

namespace Dashboard.IntegrationTests.ScaleOut;

/// <summary>
/// The real nginx running the repository's <c>deploy/nginx.conf</c>, with only its addresses rewritten: the two
/// compose replicas become app processes on loopback, and it listens on a free loopback port. It runs in the
/// foreground from a temp prefix (its own pid, logs and temp folders) and logs, for every request, the
/// <c>X-Probe</c> header and the replica that answered, so a test can tell which instance served a request.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    public const string ConfigFile = "deploy/nginx.conf";
    public const string ProbeHeader = "X-Probe";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _prefix;
    private readonly ConcurrentQueue<string> _output = new();

    private NginxProxy(Process process, string prefix, Uri baseAddress)
    {
        _process = process;
        _prefix = prefix;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    private string AccessLog => Path.Combine(_prefix, "access.log");

    /// <summary>
    /// The repository's config with its upstream servers (<c>web-a:8080</c>, <c>web-b:8080</c>) and listen address
    /// replaced; fails if the config no longer has them, so the test cannot silently run some other config.
    /// </summary>
    public static string SiteConfig(IReadOnlyDictionary<string, Uri> replicas, int listenPort)
    {
        var config = RepositoryFiles.Read(ConfigFile);
        config = ReplaceOnce(config, "listen 80;", $"listen 127.0.0.1:{listenPort};");
        foreach (var (service, address) in replicas)
        {
            config = ReplaceOnce(config, $"server {service}:8080 ", $"server 127.0.0.1:{address.Port} ");
        }
        return config;
    }

    public static async Task<NginxProxy> StartAsync(IReadOnlyDictionary<string, Uri> replicas)
    {
        var prefix = Directory.CreateTempSubdirectory("dashboard-nginx-").FullName;
        var port = FreeLoopbackPort();
        await File.WriteAllTextAsync(Path.Combine(prefix, "site.conf"), SiteConfig(replicas, port));
        // The main context the nginx image provides, made to run unprivileged in the foreground from the prefix.
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log notice;
            events { worker_connections 256; }
            http {
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                log_format probe '$http_x_probe $status $upstream_addr';
                access_log {{prefix}}/access.log probe;
                include {{prefix}}/site.conf;
            }
            """);

        var start = new ProcessStartInfo(Nginx.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(prefix);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(prefix, "nginx.conf"));
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Path.Combine(prefix, "error.log"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, prefix, new Uri($"http://127.0.0.1:{port}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => proxy.KillIfRunning();
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await proxy.WaitUntilListeningAsync(port);
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
        return proxy;
    }

    /// <summary>A request carrying a fresh probe id; returns the response and the id to look up in the log.</summary>
    public static async Task<(HttpResponseMessage Response, string Probe)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var probe = Guid.NewGuid().ToString("N");
        request.Headers.Add(ProbeHeader, probe);
        return (await client.SendAsync(request), probe);
    }

    /// <summary>
    /// The port of the replica that finally answered the request with this probe id, and its status. nginx writes
    /// the line when it finishes the request (for a WebSocket, when it closes), so this waits for it.
    /// </summary>
    public async Task<(int Port, int Status)> AnsweredByAsync(string probe)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var line = File.Exists(AccessLog)
                ? (await ReadSharedAsync(AccessLog)).Split('\n').FirstOrDefault(l => l.StartsWith(probe + " ", StringComparison.Ordinal))
                : null;
            if (line is not null)
            {
                // "<probe> <status> 127.0.0.1:A, 127.0.0.1:B": the last address is the one that answered.
                var parts = line.Split(' ', 3);
                var last = parts[2].Split(',').Last().Trim();
                return (int.Parse(last[(last.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture),
                    int.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            elapsed.Elapsed.ShouldBeLessThan(LogTimeout, $"nginx logged no request {probe}:{Environment.NewLine}{Output}");
            await Task.Delay(20);
        }
    }

    public string Output => string.Join(Environment.NewLine, _output)
        + (File.Exists(Path.Combine(_prefix, "error.log")) ? Environment.NewLine + File.ReadAllText(Path.Combine(_prefix, "error.log")) : "");

    public async ValueTask DisposeAsync()
    {
        KillIfRunning();
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }
            using var socket = new TcpClient();
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                if (elapsed.Elapsed > StartupTimeout)
                {
                    throw new TimeoutException($"nginx did not listen within {StartupTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
                }
                await Task.Delay(50);
            }
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static string ReplaceOnce(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"{ConfigFile} no longer contains '{find}'");
        text.IndexOf(find, at + find.Length, StringComparison.Ordinal).ShouldBe(-1, $"{ConfigFile} contains '{find}' twice");
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    private void KillIfRunning()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone, or disposed.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where nginx is, and whether a test that needs it runs (see <see cref="NginxFactAttribute"/>).</summary>
internal static class Nginx
{
    /// <summary>Debian's nginx (<c>apt-get install nginx-light</c>); <c>.ci/run</c> installs it when missing.</summary>
    public const string ExecutablePath = "/usr/sbin/nginx";

    public const string RequireVariable = "DASHBOARD_REQUIRE_NGINX";

    public static string? SkipReason =>
        File.Exists(ExecutablePath) || Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? null
            : $"{ExecutablePath} not found (apt-get install nginx-light); set {RequireVariable}=1 to fail instead of skipping.";
}

/// <summary>
/// A fact that needs nginx: skipped at discovery when it is missing, unless <c>DASHBOARD_REQUIRE_NGINX=1</c> (CI),
/// where it runs and fails, so a missing nginx cannot pass unnoticed. The same rule as the browser tests.
/// </summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (Nginx.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
