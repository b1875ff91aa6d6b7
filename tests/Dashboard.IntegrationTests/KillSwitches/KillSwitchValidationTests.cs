using System.Net.Http.Json;
using System.Text;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.KillSwitches;

/// <summary>Requests the kill switch API refuses before anything is written: bad scopes, missing reasons, wrong callers.</summary>
public sealed class KillSwitchValidationTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("""{"scope":{"integration":"myspace"},"reason":"r"}""", "scope.integration")]
    [InlineData("""{"scope":{"integrationKind":"robot"},"reason":"r"}""", "scope.integrationKind")]
    [InlineData("""{"scope":{"allIntegrations":true,"actions":["teleport"]},"reason":"r"}""", "scope.actions")]
    [InlineData("""{"scope":{"allIntegrations":true,"actions":[]},"reason":"r"}""", "scope.actions")]
    [InlineData("""{"scope":{"allIntegrations":true,"models":[]},"reason":"r"}""", "scope.models")]
    [InlineData("""{"scope":{"allIntegrations":true,"accounts":[]},"reason":"r"}""", "scope.accounts")]
    [InlineData("""{"scope":{"allIntegrations":true,"devices":[" "]},"reason":"r"}""", "scope.devices")]
    [InlineData("""{"scope":{"integration":"alexa","integrationKind":"assistant"},"reason":"r"}""", "scope")]
    [InlineData("""{"scope":{},"reason":"r"}""", "scope")]
    [InlineData("""{"reason":"r"}""", "scope")]
    [InlineData("""{"scope":{"allIntegrations":true,"action":["stream"]},"reason":"r"}""", "scope.action")]
    [InlineData("""{"scope":{"allIntegrations":true}}""", "reason")]
    [InlineData("""{"scope":{"allIntegrations":true},"reason":"   "}""", "reason")]
    public async Task Fire_WithAnInvalidRequest_Returns400NamingTheFieldAndWritesNothing(string body, string field)
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        using var response = await admin.PostAsync(KillSwitchApi.Path, Json(body));

        await response.ValidationErrorsForAsync(field);
        await using var db = app.CreateDbContext();
        (await db.KillSwitches.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"integration":"alexa","actions":["fly"]}""", "actions")]
    [InlineData("""{"integrationKind":"robot"}""", "integrationKind")]
    [InlineData("""{"allIntegrations":true,"integration":"alexa"}""", "scope")]
    [InlineData("""{"allIntegrations":true,"regions":[]}""", "regions")]
    [InlineData("""{"allIntegrations":true,"colour":"red"}""", "colour")]
    public async Task Preview_WithAnInvalidScope_Returns400NamingTheField(string body, string field)
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        using var response = await admin.PostAsync($"{KillSwitchApi.Path}/preview", Json(body));

        await response.ValidationErrorsForAsync(field);
    }

    [Fact]
    public async Task RequestLift_WithoutReason_Returns400()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        using var response = await admin.PostAsync($"{KillSwitchApi.Path}/{Guid.NewGuid()}/lift", Json("{}"));

        await response.ValidationErrorsForAsync("reason");
    }

    [Fact]
    public async Task LiftAndApprove_ForAnUnknownId_Return404()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        using var lift = await admin.RequestLiftAsync(Guid.NewGuid());
        using var approve = await admin.ApproveLiftAsync(Guid.NewGuid());

        await lift.ProblemAsync(404);
        await approve.ProblemAsync(404);
    }

    [Fact]
    public async Task EveryEndpoint_WithSupportToken_Returns403()
    {
        using var support = app.CreateClient(KillSwitchApi.SupportToken);
        var id = Guid.NewGuid();

        using var fire = await support.PostAsJsonAsync(KillSwitchApi.Path, new { scope = new { allIntegrations = true }, reason = "r" });
        using var list = await support.GetAsync(KillSwitchApi.Path);
        using var lift = await support.RequestLiftAsync(id);
        using var approve = await support.ApproveLiftAsync(id);

        ((int)fire.StatusCode).ShouldBe(403);
        ((int)list.StatusCode).ShouldBe(403);
        ((int)lift.StatusCode).ShouldBe(403);
        ((int)approve.StatusCode).ShouldBe(403);
    }

    [Fact]
    public async Task List_WithoutToken_Returns401()
    {
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(KillSwitchApi.Path);

        ((int)response.StatusCode).ShouldBe(401);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
