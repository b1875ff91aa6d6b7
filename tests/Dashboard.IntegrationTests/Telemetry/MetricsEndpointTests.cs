using System.Net;
using Dashboard.Core.Access.Propagation;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>
/// <c>/metrics</c> over real HTTP, scraped as Prometheus does: the OpenTelemetry exporter's text with this app's
/// decision counters (exact: another app in the same test process never adds to them), for staff tokens only.
/// </summary>
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
        var scrape = new PrometheusScrape(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, scrape.Text);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        scrape.TypeOf("dashboard_access_decisions_total").ShouldBe("counter");
        scrape.Value("dashboard_access_decisions_total", ("integration", "alexa"), ("outcome", "deny"), ("reason", "not_owner")).ShouldBe(3);
        scrape.Value("dashboard_access_decisions_total", ("integration", "alexa"), ("outcome", "allow"), ("reason", "allowed")).ShouldBe(1);
        scrape.TypeOf("dashboard_access_cache_lookups_total").ShouldBe("counter");
        scrape.Series("dashboard_access_cache_lookups_total").Sum(s => s.Value).ShouldBeGreaterThanOrEqualTo(4);
        scrape.Series("dashboard_access_cache_lookups_total").ShouldAllBe(s => s.Labels["result"] == "hit"
            || s.Labels["result"] == "miss" || s.Labels["result"] == "bypass");
        scrape.TypeOf("dashboard_access_telemetry_dropped_total").ShouldBe("counter");
        scrape.Value("dashboard_access_telemetry_dropped_total").ShouldBe(0);
    }

    [Fact]
    public async Task Metrics_AfterAPropagationWait_ShowsTheHistogram()
    {
        await app.Services.GetRequiredService<PropagationWaiter>().WaitAsync(0);

        using var admin = app.CreateClient("dev-admin-token");
        var scrape = new PrometheusScrape(await admin.GetStringAsync("/metrics"));

        scrape.TypeOf("dashboard_access_propagation_duration_seconds").ShouldBe("histogram");
        // The buckets the instrument advises, not the exporter's defaults.
        scrape.Series("dashboard_access_propagation_duration_seconds_bucket", ("result", "complete"))
            .Select(s => s.Labels["le"]).ShouldContain("0.001");
        scrape.Value("dashboard_access_propagation_duration_seconds_bucket", ("result", "complete"), ("le", "+Inf")).ShouldBeGreaterThanOrEqualTo(1);
        scrape.Value("dashboard_access_propagation_duration_seconds_count", ("result", "complete")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Metrics_ShowTheHttpServerRequestsOfThisApp()
    {
        using var admin = app.CreateClient("dev-admin-token");
        (await admin.GetAsync("/healthz")).EnsureSuccessStatusCode();

        // ASP.NET Core records a request once its response is complete, which can be just after the client has it.
        var scrape = new PrometheusScrape(await admin.GetStringAsync("/metrics"));
        for (var i = 0; i < 100 && scrape.Series("http_server_request_duration_seconds_count", ("http_route", "/healthz")).Count == 0; i++)
        {
            await Task.Delay(100);
            scrape = new PrometheusScrape(await admin.GetStringAsync("/metrics"));
        }

        scrape.Series("http_server_request_duration_seconds_count", ("http_route", "/healthz")).ShouldNotBeEmpty(scrape.Text);
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
        var scrape = new PrometheusScrape(await response.Content.ReadAsStringAsync());
        scrape.TypeOf("dashboard_access_telemetry_queued").ShouldBe("gauge");
    }
}
