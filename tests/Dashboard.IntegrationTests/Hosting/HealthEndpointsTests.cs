using System.Net;
using System.Text.Json.Nodes;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Hosting;

/// <summary>
/// Liveness and readiness: <c>/healthz</c> answers while the process runs, whatever the database does;
/// <c>/readyz</c> is 200 only when every readiness check passes, and a 503 names the check that does not.
/// </summary>
public sealed class HealthEndpointsTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Readyz_WhenHealthy_Is200_WithEveryCheckHealthy()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/readyz");

        var body = await response.JsonAsync(200);
        body["status"].Text().ShouldBe("healthy");
        var checks = Checks(body);
        checks.Keys.ShouldBe(["access", "database", "startup"], ignoreOrder: true);
        checks.Values.ShouldAllBe(status => status == "healthy");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task WhenTheDatabaseIsUnreachable_ReadyzIs503NamingTheDatabase_AndHealthzStays200()
    {
        using var client = app.CreateClient();
        await SetReachableAsync(false);
        try
        {
            JsonObject? body = null;
            await Eventually.HoldsAsync(async () =>
            {
                using var response = await client.GetAsync("/readyz");
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return false;
                }
                body = await response.JsonAsync(503);
                return true;
            }, TimeSpan.FromSeconds(30), "/readyz never answered 503");

            body!["status"].Text().ShouldBe("unhealthy");
            Checks(body)["database"].ShouldBe("unhealthy", body.ToJsonString());
            // Liveness does not depend on the database: restarting the process would not bring it back.
            (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await SetReachableAsync(true);
        }

        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    private static Dictionary<string, string> Checks(JsonObject body) =>
        body["checks"].ShouldNotBeNull().AsArray()
            .ToDictionary(c => c!["name"].Text(), c => c!["status"].Text());

    private Task SetReachableAsync(bool reachable) => DatabaseReachability.SetReachableAsync(app.ConnectionString, reachable);
}
