using Dashboard.IntegrationTests.Guarantees;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.ScaleOut;

/// <summary>
/// Two app processes over a fresh database (<see cref="TwoInstances"/>, demo fixture seeded) behind the real nginx
/// with the repository's config (<see cref="NginxProxy"/>): docker-compose.yml's web-a, web-b and proxy, on loopback.
/// </summary>
public sealed class ProxiedInstances : IAsyncLifetime
{
    private const int MaxFreshBrowsers = 64;

    private string? _connectionString;
    private TwoInstances? _instances;
    private NginxProxy? _proxy;

    public TwoInstances Instances => _instances ?? throw new InvalidOperationException("Not started.");

    internal NginxProxy Proxy => _proxy ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        if (Nginx.SkipReason is not null)
        {
            return;   // the tests are skipped
        }
        _connectionString = await TestPostgres.CreateDatabaseAsync("proxied");
        _instances = await TwoInstances.StartAsync(_connectionString);
        _proxy = await NginxProxy.StartAsync(new Dictionary<string, Uri>
        {
            ["web-a"] = _instances.A.BaseAddress,
            ["web-b"] = _instances.B.BaseAddress,
        });
    }

    /// <summary>The instance whose port nginx logged.</summary>
    public AppInstance InstanceOnPort(int port) => Instances.Both.Single(i => i.BaseAddress.Port == port);

    /// <summary>
    /// A new browser (no cookies) whose first request, through the proxy, landed on <paramref name="target"/>; it now
    /// holds the proxy's affinity cookie. The proxy picks a replica at random for a browser without one, so this
    /// takes a few tries; 64 misses in a row would mean the proxy never picks <paramref name="target"/>.
    /// </summary>
    internal async Task<BrowserCookies> NewBrowserOnAsync(AppInstance target)
    {
        for (var attempt = 0; attempt < MaxFreshBrowsers; attempt++)
        {
            var browser = new BrowserCookies();
            using var client = browser.ClientFor(Proxy.BaseAddress);
            var (response, probe) = await NginxProxy.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/healthz"));
            response.Dispose();
            if ((await Proxy.AnsweredByAsync(probe)).Port == target.BaseAddress.Port)
            {
                return browser;
            }
        }
        throw new ShouldAssertException($"{MaxFreshBrowsers} new browsers in a row were all sent away from {target}.");
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
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
