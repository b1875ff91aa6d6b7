using System.Net;
using System.Net.Http.Json;

namespace Dashboard.IntegrationTests.Access;

public sealed class RateLimitTests(RateLimitTests.Factory app) : IClassFixture<RateLimitTests.Factory>, IAsyncLifetime
{
    public sealed class Factory : AccessAppFactory
    {
        protected override IReadOnlyDictionary<string, string> AccessSettings => new Dictionary<string, string>
        {
            ["Access:RateLimit:PermitsPerSecond"] = "5",
            ["Access:RateLimit:Burst"] = "5",
        };
    }

    public Task InitializeAsync() => app.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Check_BeyondTheBridgesRate_Answers429WithRetryAfter_WhileOtherBridgesAreServed()
    {
        var noisy = await app.World.AddIntegrationAsync();
        var quiet = await app.World.AddIntegrationAsync();
        var body = new { account = Guid.NewGuid(), device = "CAM-1", action = "stream" };
        using var noisyClient = app.BridgeClient(noisy);
        using var quietClient = app.BridgeClient(quiet);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 20; i++)
        {
            var response = await noisyClient.PostAsJsonAsync("/api/v1/access/check", body);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected ??= response;
            }
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBeInRange(5, 10);
        rejected.ShouldNotBeNull();
        rejected.Headers.RetryAfter.ShouldNotBeNull();
        rejected.Headers.RetryAfter.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        rejected.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await quietClient.PostAsJsonAsync("/api/v1/access/check", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
