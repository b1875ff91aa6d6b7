using Dashboard.Core.Auth;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Dashboard.Core.Data;
using System.Net;

namespace Dashboard.IntegrationTests.Auth;

public sealed class ProductionGuardTests
{
    /// <summary>The app as it starts outside Development, over a database the test prepared beforehand.</summary>
    private sealed class ProductionApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
            builder.UseSetting("Database:ApplyMigrationsOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "false");
        }
    }

    private sealed class Contexts(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(connectionString);
    }

    private static async Task<string> DatabaseAsync() => await TestPostgres.CreateDatabaseAsync(nameof(ProductionGuardTests));

    private static async Task<Exception?> StartAsync(string connectionString)
    {
        await using var app = new ProductionApp(connectionString);
        try
        {
            using var client = app.CreateClient();
            (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
            return null;
        }
        catch (Exception e) when (e is not ShouldAssertException)
        {
            return e;
        }
    }

    private static async Task AddUserAsync(string connectionString, string email, string password)
    {
        await using var db = TestPostgres.CreateDbContext(connectionString);
        var user = new DashboardUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<DashboardUser>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    private static async Task AddStaffTokenAsync(string connectionString, string token)
    {
        await AddUserAsync(connectionString, $"ops-{Guid.NewGuid():N}@example.test", "Not-the-demo-1");
        await using var db = TestPostgres.CreateDbContext(connectionString);
        var userId = db.Users.OrderBy(u => u.Id).Select(u => u.Id).First();
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = "demo", TokenHash = SecretHash.Sha256(token),
            Prefix = SecretHash.DisplayPrefix(token), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static async Task AddBridgeKeyAsync(string connectionString, string key)
    {
        await using var db = TestPostgres.CreateDbContext(connectionString);
        var integration = new Integration { Id = Guid.NewGuid(), Key = "alexa", Name = "Amazon Alexa", CreatedAt = DateTime.UtcNow };
        db.Integrations.Add(integration);
        db.BridgeKeys.Add(new BridgeKey
        {
            Id = Guid.NewGuid(), IntegrationId = integration.Id, KeyHash = SecretHash.Sha256(key),
            Prefix = SecretHash.DisplayPrefix(key), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Start_WhenDatabaseIsClean_Serves()
    {
        var connectionString = await DatabaseAsync();
        await AddUserAsync(connectionString, WellKnownDemoSecrets.AdminEmail, "A-real-secret-42");

        (await StartAsync(connectionString)).ShouldBeNull();
    }

    [Fact]
    public async Task Start_WhenADemoLoginKeepsTheDemoPassword_Refuses()
    {
        var connectionString = await DatabaseAsync();
        await AddUserAsync(connectionString, WellKnownDemoSecrets.SupportEmail, WellKnownDemoSecrets.Password);

        var failure = (await StartAsync(connectionString)).ShouldBeOfType<DemoCredentialsPresentException>();

        failure.Message.ShouldContain("support@demo.test still has the demo password");
    }

    [Fact]
    public async Task Start_WhenADemoStaffTokenExists_Refuses()
    {
        var connectionString = await DatabaseAsync();
        await AddStaffTokenAsync(connectionString, WellKnownDemoSecrets.Admin2Token);

        var failure = (await StartAsync(connectionString)).ShouldBeOfType<DemoCredentialsPresentException>();

        failure.Message.ShouldContain("dev-admin2-token");
    }

    [Fact]
    public async Task Start_WhenADemoBridgeKeyExists_Refuses()
    {
        var connectionString = await DatabaseAsync();
        await AddBridgeKeyAsync(connectionString, WellKnownDemoSecrets.AlexaBridgeKey);

        var failure = (await StartAsync(connectionString)).ShouldBeOfType<DemoCredentialsPresentException>();

        failure.Message.ShouldContain("dev-bridge-alexa");
    }

    [Fact]
    public async Task Scan_FindsEveryKindOfDemoCredentialAndNothingElse()
    {
        var connectionString = await DatabaseAsync();
        await AddUserAsync(connectionString, WellKnownDemoSecrets.AliceEmail, WellKnownDemoSecrets.Password);
        await AddUserAsync(connectionString, WellKnownDemoSecrets.BobEmail, "Changed-since-1");
        await AddUserAsync(connectionString, "someone@example.test", WellKnownDemoSecrets.Password);
        await AddStaffTokenAsync(connectionString, WellKnownDemoSecrets.SupportToken);
        await AddStaffTokenAsync(connectionString, "fdt_a-real-token");
        await AddBridgeKeyAsync(connectionString, WellKnownDemoSecrets.IftttBridgeKey);
        var scanner = new DemoCredentialScanner(
            new Contexts(connectionString), new PasswordHasher<DashboardUser>(), new UpperInvariantLookupNormalizer());

        var findings = await scanner.ScanAsync();

        findings.Select(f => f.Kind).ShouldBe(["login", "staff API token", "bridge key"], ignoreOrder: true);
        findings.Single(f => f.Kind == "login").Description.ShouldContain(WellKnownDemoSecrets.AliceEmail);
    }
}
