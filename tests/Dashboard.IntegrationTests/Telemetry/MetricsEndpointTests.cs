using System.Net;
using Dashboard.Core.Access.Propagation;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary><c>/metrics</c> over real HTTP: Prometheus text with the decision counters, for staff tokens only.</summary>
public sealed class MetricsEndpointTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Metrics_AfterChecks_ShowsDecisionCountersWithTheirLabels()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var alexa = app.CreateClient("dev-bridge-alexa");
        for (var i = 0; i < 3; i++)
        {
            (await alexa.CheckAsync(alice, "DEMO-CAM-0003")).Reason.ShouldBe("not_owner");
        }
        (await alexa.CheckAsync(alice, "DEMO-CAM-0002", "snapshot")).Reason.ShouldBe("allowed");

        using var staff = app.CreateClient("dev-support-token");
        using var response = await staff.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        text.ShouldContain("# TYPE dashboard_access_decisions_total counter\n");
        text.ShouldContain("dashboard_access_decisions_total{integration=\"alexa\",outcome=\"deny\",reason=\"not_owner\"} 3\n");
        text.ShouldContain("dashboard_access_decisions_total{integration=\"alexa\",outcome=\"allow\",reason=\"allowed\"} 1\n");
        text.ShouldContain("# TYPE dashboard_access_cache_lookups_total counter\n");
        text.ShouldMatch("(?s).*dashboard_access_cache_lookups_total\\{result=\"(hit|miss|bypass)\"\\} \\d+\n.*");
        text.ShouldContain("# TYPE dashboard_access_telemetry_dropped_total counter\ndashboard_access_telemetry_dropped_total 0\n");
    }

    [Fact]
    public async Task Metrics_AfterAPropagationWait_ShowsTheHistogram()
    {
        await app.Services.GetRequiredService<PropagationWaiter>().WaitAsync(0);

        using var admin = app.CreateClient("dev-admin-token");
        var text = await admin.GetStringAsync("/metrics");

        text.ShouldContain("# TYPE dashboard_access_propagation_duration_seconds histogram\n");
        text.ShouldContain("dashboard_access_propagation_duration_seconds_bucket{result=\"complete\",le=\"0.001\"} ");
        text.ShouldMatch("(?s).*dashboard_access_propagation_duration_seconds_bucket\\{result=\"complete\",le=\"\\+Inf\"\\} [1-9]\\d*\n.*");
        text.ShouldContain("dashboard_access_propagation_duration_seconds_count{result=\"complete\"} ");
    }

    [Fact]
    public async Task Metrics_WithoutCredential_Is401ProblemDetails()
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Metrics_WithABridgeKey_Is403()
    {
        using var bridge = app.CreateClient("dev-bridge-google-assistant");
        using var response = await bridge.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Metrics_WithAnUnknownToken_Is401()
    {
        using var stranger = app.CreateClient("not-a-token");
        using var response = await stranger.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

/// <summary>With <c>Dashboard:Metrics:AllowAnonymous</c> on, a scraper needs no token.</summary>
public sealed class AnonymousMetricsTests(AnonymousMetricsTests.Factory app) : IClassFixture<AnonymousMetricsTests.Factory>
{
    public sealed class Factory : TelemetryAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Dashboard:Metrics:AllowAnonymous", "true");
        }
    }

    [Fact]
    public async Task Metrics_WhenAllowedAnonymously_AnswersWithoutToken()
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("# TYPE dashboard_access_telemetry_queued gauge\n");
    }
}
