using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Auth;

public sealed class ApiAuthenticationTests(AuthAppFactory app) : IClassFixture<AuthAppFactory>
{
    private HttpClient Client(string? bearer = null)
    {
        var client = app.CreateBrowserLikeClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        problem.ShouldNotBeNull().Status.ShouldBe((int)status);
    }

    [Fact]
    public async Task StaffEndpoint_WhenSupportToken_ActsWithTheUsersRole()
    {
        var support = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var token = await AuthTestData.IssueTokenAsync(app, support);

        var response = await Client(token.Secret).GetAsync(AuthProbeEndpoints.Staff);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var probe = (await response.Content.ReadFromJsonAsync<ProbeResponse>()).ShouldNotBeNull();
        probe.Scheme.ShouldBe(AuthSchemes.StaffToken);
        probe.UserId.ShouldBe(support.Id);
        probe.Roles.ShouldBe([Roles.Support]);
    }

    [Fact]
    public async Task VendorAdminEndpoint_WhenSupportToken_Is403Problem()
    {
        var support = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var token = await AuthTestData.IssueTokenAsync(app, support);

        await ShouldBeProblemAsync(await Client(token.Secret).GetAsync(AuthProbeEndpoints.VendorAdmin), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task VendorAdminEndpoint_WhenAdminToken_IsAllowed()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var token = await AuthTestData.IssueTokenAsync(app, admin);

        (await Client(token.Secret).GetAsync(AuthProbeEndpoints.VendorAdmin)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StaffEndpoint_WhenTokenRevoked_Is401Problem()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var token = await AuthTestData.IssueTokenAsync(app, admin);
        var client = Client(token.Secret);
        (await client.GetAsync(AuthProbeEndpoints.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.Services.GetRequiredService<ApiTokenService>().RevokeAsync(admin.Id, token.Token.Id);

        await ShouldBeProblemAsync(await client.GetAsync(AuthProbeEndpoints.Staff), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaffEndpoint_WhenUsersRoleIsRemoved_TokenLosesItAtOnce()
    {
        var support = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var token = await AuthTestData.IssueTokenAsync(app, support);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DashboardUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(support.Id))!, Roles.Support)).Succeeded.ShouldBeTrue();
        }

        await ShouldBeProblemAsync(await Client(token.Secret).GetAsync(AuthProbeEndpoints.Staff), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StaffEndpoint_WhenNoCredential_Is401ProblemWithBearerChallenge()
    {
        var response = await Client().GetAsync(AuthProbeEndpoints.Staff);

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task StaffEndpoint_WhenUnknownToken_Is401Problem()
    {
        await ShouldBeProblemAsync(await Client("fdt_not-a-real-token").GetAsync(AuthProbeEndpoints.Staff), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaffEndpoint_WhenOnlyTheSignInCookie_Is401ProblemNotALoginRedirect()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var client = app.CreateBrowserLikeClient();
        await SignInForm.SignInAsync(client, admin.Email!, AuthTestData.Password);

        var response = await client.GetAsync(AuthProbeEndpoints.Staff);

        response.Headers.Location.ShouldBeNull();
        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaffEndpoint_WhenBridgeKey_Is403Problem()
    {
        var (_, key) = await AuthTestData.CreateIntegrationAsync(app);
        await AuthTestData.RefreshBridgeKeysAsync(app);

        await ShouldBeProblemAsync(await Client(key).GetAsync(AuthProbeEndpoints.Staff), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BridgeEndpoint_WhenStaffToken_Is403Problem()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var token = await AuthTestData.IssueTokenAsync(app, admin);

        await ShouldBeProblemAsync(await Client(token.Secret).GetAsync(AuthProbeEndpoints.Bridge), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BridgeEndpoint_WhenBridgeKey_ActsAsItsIntegration()
    {
        var (integration, key) = await AuthTestData.CreateIntegrationAsync(app);
        await AuthTestData.RefreshBridgeKeysAsync(app);

        var response = await Client(key).GetAsync(AuthProbeEndpoints.Bridge);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var probe = (await response.Content.ReadFromJsonAsync<ProbeResponse>()).ShouldNotBeNull();
        probe.Scheme.ShouldBe(AuthSchemes.BridgeKey);
        probe.Integration.ShouldBe(integration.Key);
        probe.UserId.ShouldBeNull();
        probe.Roles.ShouldBeEmpty();
    }

    [Fact]
    public async Task BridgeEndpoint_WhenKeyWasIssuedElsewhereAndNotYetLoaded_WorksOnFirstUse()
    {
        // Inserted behind the app's back, as another instance would: no explicit refresh here.
        var (integration, key) = await AuthTestData.CreateIntegrationAsync(app);
        await Task.Delay(BridgeKeyDirectory.MissRefreshInterval);

        var response = await Client(key).GetAsync(AuthProbeEndpoints.Bridge);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<ProbeResponse>())!.Integration.ShouldBe(integration.Key);
    }

    [Fact]
    public async Task BridgeEndpoint_WhenNoCredential_Is401Problem()
    {
        await ShouldBeProblemAsync(await Client().GetAsync(AuthProbeEndpoints.Bridge), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BridgeEndpoint_WhenKeyRotatedWithOverlap_OldKeyWorksUntilExpiryThen401()
    {
        var overlapEnds = app.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var (integration, oldKey) = await AuthTestData.CreateIntegrationAsync(app, keyExpiresAt: overlapEnds);
        var newKey = await AuthTestData.AddBridgeKeyAsync(app, integration.Id);
        await AuthTestData.RefreshBridgeKeysAsync(app);

        (await Client(oldKey).GetAsync(AuthProbeEndpoints.Bridge)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(newKey).GetAsync(AuthProbeEndpoints.Bridge)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        await ShouldBeProblemAsync(await Client(oldKey).GetAsync(AuthProbeEndpoints.Bridge), HttpStatusCode.Unauthorized);
        (await Client(newKey).GetAsync(AuthProbeEndpoints.Bridge)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BridgeEndpoint_WhenKeyRevoked_Is401AfterReload()
    {
        var (integration, key) = await AuthTestData.CreateIntegrationAsync(app);
        await AuthTestData.RefreshBridgeKeysAsync(app);
        (await Client(key).GetAsync(AuthProbeEndpoints.Bridge)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = app.CreateDbContext())
        {
            await db.BridgeKeys.Where(k => k.IntegrationId == integration.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
        }
        await AuthTestData.RefreshBridgeKeysAsync(app);

        await ShouldBeProblemAsync(await Client(key).GetAsync(AuthProbeEndpoints.Bridge), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaffToken_WhenUsed_RecordsLastUseInABatchNotPerRequest()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var token = await AuthTestData.IssueTokenAsync(app, admin);
        var before = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);

        (await Client(token.Secret).GetAsync(AuthProbeEndpoints.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = app.CreateDbContext())
        {
            (await db.ApiTokens.SingleAsync(t => t.Id == token.Token.Id)).LastUsedAt.ShouldBeNull();
        }

        await app.Services.GetRequiredService<ApiTokenUsage>().FlushAsync();

        await using (var db = app.CreateDbContext())
        {
            (await db.ApiTokens.SingleAsync(t => t.Id == token.Token.Id)).LastUsedAt.ShouldNotBeNull().ShouldBeGreaterThan(before);
        }
    }
}
