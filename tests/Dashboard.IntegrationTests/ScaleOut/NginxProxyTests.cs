using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Dashboard.IntegrationTests.Guarantees;

namespace Dashboard.IntegrationTests.ScaleOut;

/// <summary>
/// docker-compose.yml's proxy, run for real: nginx with deploy/nginx.conf in front of two app processes. A browser
/// stays on one instance (its affinity cookie), and the Blazor circuit's WebSocket passes through to the instance
/// that negotiated it.
/// </summary>
public sealed class NginxProxyTests(ProxiedInstances fixture) : IClassFixture<ProxiedInstances>
{
    private const string AffinityCookie = "fleet_affinity";
    private const int RequestsPerBrowser = 10;

    [NginxFact]
    public async Task RequestsWithOneAffinityCookie_AllLandOnOneInstance_AndNewBrowsersReachEither()
    {
        foreach (var instance in fixture.Instances.Both)
        {
            // A browser per instance: new browsers are spread over both.
            var browser = await fixture.NewBrowserOnAsync(instance);
            var affinity = browser.Jar.GetCookies(fixture.Proxy.BaseAddress)[AffinityCookie];
            affinity.ShouldNotBeNull("the proxy sets its affinity cookie on the first response");
            affinity.HttpOnly.ShouldBeTrue();
            using var client = browser.ClientFor(fixture.Proxy.BaseAddress);

            for (var i = 0; i < RequestsPerBrowser; i++)
            {
                var (response, probe) = await NginxProxy.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/Account/Login"));
                using (response)
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.OK);
                    SetCookies(response).ShouldNotContain(c => c.StartsWith(AffinityCookie + "=", StringComparison.Ordinal),
                        "a browser that has the cookie keeps it");
                }
                fixture.InstanceOnPort((await fixture.Proxy.AnsweredByAsync(probe)).Port).ShouldBe(instance);
            }
        }
    }

    [NginxFact]
    public async Task BlazorWebSocket_UpgradesThroughTheProxy_ToTheInstanceThatNegotiatedIt()
    {
        var (home, elsewhere) = (fixture.Instances.A, fixture.Instances.B);
        var browser = await fixture.NewBrowserOnAsync(home);
        using var client = browser.ClientFor(fixture.Proxy.BaseAddress);

        var (negotiated, negotiateProbe) = await NginxProxy.SendAsync(client,
            new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1"));
        using var _ = negotiated;
        negotiated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await negotiated.Content.ReadFromJsonAsync<Negotiation>())!.ConnectionToken;
        fixture.InstanceOnPort((await fixture.Proxy.AnsweredByAsync(negotiateProbe)).Port).ShouldBe(home);

        using (var socket = NewSocket(browser, out var circuitProbe))
        {
            await socket.ConnectAsync(CircuitUri(token), CancellationToken.None);
            socket.HttpStatusCode.ShouldBe(HttpStatusCode.SwitchingProtocols);
            // SignalR's handshake, both ways through the proxy: the hub answers "{}" when it accepts the protocol.
            (await HandshakeAsync(socket)).ShouldBe("{}\u001e");
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            var answered = await fixture.Proxy.AnsweredByAsync(circuitProbe);
            answered.Status.ShouldBe(101);
            fixture.InstanceOnPort(answered.Port).ShouldBe(home);
        }

        // Control: the same connection, asked for by a browser pinned to the other instance, does not exist there.
        // This is why the proxy must be sticky.
        var other = await fixture.NewBrowserOnAsync(elsewhere);
        using (var socket = NewSocket(other, out var refusedProbe))
        {
            await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(CircuitUri(token), CancellationToken.None));
            var answered = await fixture.Proxy.AnsweredByAsync(refusedProbe);
            answered.Status.ShouldBe(404);
            fixture.InstanceOnPort(answered.Port).ShouldBe(elsewhere);
        }
    }

    private Uri CircuitUri(string token) =>
        new($"ws://{fixture.Proxy.BaseAddress.Authority}/_blazor?id={Uri.EscapeDataString(token)}");

    private static ClientWebSocket NewSocket(BrowserCookies browser, out string probe)
    {
        probe = Guid.NewGuid().ToString("N");
        var socket = new ClientWebSocket();
        socket.Options.Cookies = browser.Jar;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader(NginxProxy.ProbeHeader, probe);
        return socket;
    }

    private static async Task<string> HandshakeAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"),
            WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private sealed record Negotiation(string ConnectionToken);
}
