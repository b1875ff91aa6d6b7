using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Diagnostics;

/// <summary>
/// <c>/diagnostics/memory</c> is opt-in: an app started with default settings does not map it at all, whoever asks.
/// Who may call it once enabled is checked by the authorization matrix, which runs with diagnostics on.
/// </summary>
public sealed class DiagnosticsDisabledByDefaultTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("dev-admin-token")]
    [InlineData(null)]
    public async Task Memory_WithDefaultSettings_Is404(string? token)
    {
        using var client = token is null ? app.CreateClient() : app.CreateClient(token);

        using var response = await client.GetAsync("/diagnostics/memory");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Memory_WithDefaultSettings_IsNotAmongTheMappedEndpoints()
    {
        using var _ = app.CreateClient();
        var patterns = MappedRoutes.Of(app.Services).Select(e => e.Pattern).ToList();

        patterns.ShouldContain("/metrics");   // the list is the real one
        patterns.ShouldNotContain(p => p.Contains("diagnostics", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>With <c>Dashboard:Diagnostics:Enabled=true</c>: a staff token reads the heap after a full collection.</summary>
public sealed class DiagnosticsEnabledTests(DiagnosticsAppFactory app) : IClassFixture<DiagnosticsAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Memory_WithAStaffToken_ReadsTheHeapAfterAFullCollection()
    {
        using var staff = app.CreateClient("dev-support-token");
        var before = GC.CollectionCount(2);   // the test host shares this process with the app

        using var response = await staff.GetAsync("/diagnostics/memory");
        var reading = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        GC.CollectionCount(2).ShouldBeGreaterThan(before);
        reading.GetProperty("heapBytes").GetInt64().ShouldBeGreaterThan(1_000_000);
        reading.GetProperty("heapSizeBytes").GetInt64().ShouldBeGreaterThan(0);
        reading.GetProperty("workingSetBytes").GetInt64().ShouldBeGreaterThan(reading.GetProperty("heapBytes").GetInt64());
        // No browser has opened a page of this app: no circuit exists.
        reading.GetProperty("circuitsOpen").GetInt32().ShouldBe(0);
        reading.GetProperty("circuitsConnected").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Memory_WithoutCredential_Is401ProblemDetails()
    {
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync("/diagnostics/memory");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
