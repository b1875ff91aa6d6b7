using System.Net;
using System.Net.Http.Json;
using Dashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace Dashboard.IntegrationTests.Access;

/// <summary>
/// The app's database refuses every connection (its sessions are ended and new ones are not allowed), which is what
/// the app sees when PostgreSQL is down, without stopping the cluster other tests share.
/// </summary>
public sealed class DatabaseOutageTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Check_WhenTheDatabaseIsUnreachable_Answers503NeverAllow_AndRecoversWhenItIsBack()
    {
        var bridge = await app.World.AddIntegrationAsync();
        var alice = await app.World.AddAccountAsync();
        var camera = await app.World.AddDeviceAsync(alice, bridge);
        using var client = app.BridgeClient(bridge);
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("allowed");

        await SetReachableAsync(false);
        try
        {
            var statuses = new List<HttpStatusCode>();
            var took = await Eventually.HoldsAsync(async () =>
            {
                using var response = await client.PostAsJsonAsync("/api/v1/access/check", new { account = alice, device = camera, action = "stream" });
                statuses.Add(response.StatusCode);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return false;
                }
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                return true;
            }, TimeSpan.FromSeconds(5), "checks never answered 503");

            took.ShouldBeLessThan(TimeSpan.FromSeconds(2));
            statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
            using var visible = await client.PostAsJsonAsync("/api/v1/access/visible-devices", new { account = alice });
            visible.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await app.CreateClient().GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await SetReachableAsync(true);
        }

        await app.WaitUntilReadyAsync();
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("allowed");
    }

    private Task SetReachableAsync(bool reachable) => DatabaseReachability.SetReachableAsync(app.ConnectionString, reachable);
}
