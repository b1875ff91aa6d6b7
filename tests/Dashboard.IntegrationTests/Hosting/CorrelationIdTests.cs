using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Core.Access.Telemetry;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.IntegrationTests.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.IntegrationTests.Hosting;

/// <summary>
/// One id follows an API call everywhere it leaves a trace: the response header, the scope of its log lines, the
/// problem details of a refusal, the stored not_owner decision, the audit entry, and the pages that show them.
/// </summary>
public sealed class CorrelationIdTests(CorrelationIdTests.LoggingApp app) : IClassFixture<CorrelationIdTests.LoggingApp>, IAsyncLifetime
{
    private const string Header = "X-Correlation-Id";

    /// <summary>The demo app with its log captured, the decision path's Debug lines included.</summary>
    public sealed class LoggingApp : DashboardAppFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging
                .AddProvider(Logs)
                .AddFilter<CapturedLogs>("Dashboard", LogLevel.Debug));
        }
    }

    private Guid _alice;

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
        _alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NotOwnerCheck_WithACorrelationId_EchoesIt_LogsInItsScope_AndStoresItWithTheDecision()
    {
        var id = "bridge-req-" + Guid.NewGuid().ToString("N");
        using var bridge = app.CreateClient("dev-bridge-google-assistant");

        using var response = await SendAsync(bridge, HttpMethod.Post, "/api/v1/access/check", id,
            new { account = _alice, device = "DEMO-CAM-0003", action = "stream" });

        var answer = await response.JsonAsync();
        answer["reason"].Text().ShouldBe("not_owner");
        var decisionId = answer["decisionId"].Text();
        response.Headers.GetValues(Header).ShouldBe([id]);

        // The Debug line of the denial, in the request's scope; and every other line of that request carries the id.
        var denial = app.Logs.Entries.Single(e => e.Message.Contains(decisionId, StringComparison.Ordinal));
        denial.Level.ShouldBe(LogLevel.Debug);
        denial.Scope("CorrelationId").ShouldBe(id);
        var requestId = denial.Scope("RequestId");
        requestId.ShouldNotBeNull("the framework's request scope is missing");
        app.Logs.Entries.Where(e => e.Scope("RequestId") == requestId)
            .ShouldAllBe(e => e.Scope("CorrelationId") == id);

        await app.Services.GetRequiredService<DecisionTelemetryWriter>().FlushAsync();
        await using var db = app.CreateDbContext();
        var stored = await db.NotOwnerDecisions.SingleAsync(d => d.DecisionId == decisionId);
        stored.CorrelationId.ShouldBe(id);

        using var support = await SignalsPageEmptyTests.SignedInAsync(app, "support@demo.test");
        (await support.GetStringAsync("/admin/signals")).ShouldContain(id);
        (await support.GetStringAsync("/devices/DEMO-CAM-0003")).ShouldContain(id);
    }

    [Fact]
    public async Task ADecisionLogsNothingAtInformation()
    {
        var id = "quiet-" + Guid.NewGuid().ToString("N");
        using var bridge = app.CreateClient("dev-bridge-google-assistant");

        using var response = await SendAsync(bridge, HttpMethod.Post, "/api/v1/access/check", id,
            new { account = _alice, device = "DEMO-CAM-0001", action = "stream" });

        (await response.JsonAsync())["reason"].Text().ShouldBe("allowed");
        app.Logs.Entries.Where(e => e.Scope("CorrelationId") == id).ShouldAllBe(e => e.Level < LogLevel.Information);
    }

    [Theory]
    [InlineData("dev-bridge-google-assistant", """{"account":"not-a-uuid","device":"DEMO-CAM-0001","action":"stream"}""", 400)]
    [InlineData(null, """{"account":"00000000-0000-0000-0000-000000000000","device":"DEMO-CAM-0001","action":"stream"}""", 401)]
    [InlineData("dev-support-token", """{"account":"00000000-0000-0000-0000-000000000000","device":"DEMO-CAM-0001","action":"stream"}""", 403)]
    public async Task Refusal_CarriesTheCorrelationIdInItsProblemDetails(string? credential, string body, int status)
    {
        var id = "refused-" + Guid.NewGuid().ToString("N");
        using var client = credential is null ? app.CreateClient() : app.CreateClient(credential);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access/check")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(Header, id);

        using var response = await client.SendAsync(request);

        var problem = await response.ProblemAsync(status);
        problem["correlationId"].Text().ShouldBe(id);
        response.Headers.GetValues(Header).ShouldBe([id]);
    }

    [Fact]
    public async Task UnhandledRoute_UnderTheApi_CarriesTheIdInItsProblemDetails()
    {
        var id = "missing-" + Guid.NewGuid().ToString("N");
        using var client = app.CreateClient("dev-support-token");

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/devices/NOPE-0000", id);

        (await response.ProblemAsync(404))["correlationId"].Text().ShouldBe(id);
        response.Headers.GetValues(Header).ShouldBe([id]);
    }

    [Theory]
    [InlineData("too-long")]
    [InlineData("abc\u0001def")]
    [InlineData("two words")]
    [InlineData("<script>")]
    [InlineData("")]
    public async Task IllFormedIncomingId_IsReplaced_NeverEchoed(string kind)
    {
        var sent = kind == "too-long" ? new string('a', 65) : kind;
        using var client = app.CreateClient("dev-support-token");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/devices/NOPE-0000");
        request.Headers.TryAddWithoutValidation(Header, sent).ShouldBeTrue();

        using var response = await client.SendAsync(request);

        var echoed = response.Headers.GetValues(Header).Single();
        echoed.ShouldNotBe(sent);
        echoed.ShouldMatch("^[0-9a-f]{32}$");
        (await response.ProblemAsync(404))["correlationId"].Text().ShouldBe(echoed);
    }

    [Fact]
    public async Task WithoutAnId_TheTraceIdOfTheCallersTraceparentIsUsed()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        using var client = app.CreateClient("dev-support-token");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/devices/DEMO-CAM-0001");
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(Header).ShouldBe([traceId]);
    }

    [Fact]
    public async Task WithoutAnyId_EachRequestGetsItsOwn()
    {
        using var client = app.CreateClient();

        using var first = await client.GetAsync("/healthz");
        using var second = await client.GetAsync("/healthz");

        var a = first.Headers.GetValues(Header).Single();
        var b = second.Headers.GetValues(Header).Single();
        a.ShouldMatch("^[0-9a-f]{32}$");
        b.ShouldMatch("^[0-9a-f]{32}$");
        a.ShouldNotBe(b);
    }

    [Fact]
    public async Task AuditEntry_OfAChange_KeepsTheCorrelationIdOutsideTheChain()
    {
        var id = "support-op-" + Guid.NewGuid().ToString("N");
        var carol = await DemoFixtureApp.AccountIdAsync(app, "carol");
        using var support = app.CreateClient("dev-support-token");

        using var locked = await SendAsync(support, HttpMethod.Post, $"/api/v1/accounts/{carol}/lock", id, new { reason = "correlation check" });
        locked.StatusCode.ShouldBe(HttpStatusCode.OK, await locked.Content.ReadAsStringAsync());
        using var unlocked = await SendAsync(support, HttpMethod.Post, $"/api/v1/accounts/{carol}/unlock", id + "-undo", new { reason = "correlation check done" });
        unlocked.StatusCode.ShouldBe(HttpStatusCode.OK, await unlocked.Content.ReadAsStringAsync());

        await using var db = app.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == carol.ToString())
            .OrderByDescending(e => e.Id).Take(2).ToListAsync();
        entries.Select(e => e.CorrelationId).ShouldBe([id + "-undo", id]);
        var verify = await (await support.GetAsync("/api/v1/audit/verify")).JsonAsync();
        verify["ok"]!.GetValue<bool>().ShouldBeTrue(verify.ToJsonString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string id, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(Header, id);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return client.SendAsync(request);
    }
}
