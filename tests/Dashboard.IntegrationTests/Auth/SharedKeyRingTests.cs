using System.Net;
using Dashboard.Core.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Auth;

/// <summary>Behind a load balancer a request may land on any instance: the sign-in cookie must work on all of them.</summary>
public sealed class SharedKeyRingTests(AuthAppFactory app) : IClassFixture<AuthAppFactory>
{
    /// <summary>A second instance of the app over the same database.</summary>
    private sealed class SecondInstance(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
            builder.UseSetting("Database:ApplyMigrationsOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "false");
        }
    }

    [Fact]
    public async Task SignInCookie_IssuedByOneInstance_IsAcceptedByAnother()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var cookies = new CookieContainer();
        await SignInForm.SignInAsync(app.CreateDefaultClient(new CookieContainerHandler(cookies)), admin.Email!, AuthTestData.Password);
        await using var second = new SecondInstance(app.ConnectionString);

        var response = await second.CreateDefaultClient(new CookieContainerHandler(cookies)).GetAsync("/admin/tokens");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Staff API tokens");
    }

    [Fact]
    public async Task KeyRing_IsStoredInTheDatabase()
    {
        await SignInForm.PostAsync(app.CreateBrowserLikeClient(), "nobody@example.test", "Wrong-password-1");

        await using var db = app.CreateDbContext();
        (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
        (await db.DataProtectionKeys.FirstAsync()).Xml!.ShouldContain("<key ");
    }
}
