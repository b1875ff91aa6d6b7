using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Auth;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Guarantees;
using Dashboard.IntegrationTests.Hosting;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.IntegrationTests.ScaleOut;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>
/// The README's production way in, as a new operator types it, run as processes over an empty PostgreSQL database:
/// create the first admin, start, sign in, and find no demo credential anywhere.
/// </summary>
public sealed partial class ProductionPathTests
{
    /// <summary>The README's production commands, word for word.</summary>
    public const string CreateAdminCommand =
        "dotnet run --project src/Dashboard.Web --launch-profile Production -- create-admin --email you@example.com";

    public const string StartCommand = "dotnet run --project src/Dashboard.Web --launch-profile Production";

    /// <summary>Outside Development cookies are Secure: the README's commands run behind a TLS-terminating proxy.</summary>
    public const string BehindTlsProxy = "export ASPNETCORE_FORWARDEDHEADERS_ENABLED=true";

    private const string AdminEmail = "you@example.com";

    [Fact]
    public void Readme_ProductionCommands_NameTheProductionProfile()
    {
        var readme = RepositoryFiles.Read("README.md").Split('\n').Select(l => l.Trim()).ToList();

        readme.ShouldContain(l => l.StartsWith(CreateAdminCommand, StringComparison.Ordinal));
        readme.ShouldContain(StartCommand);
        readme.ShouldContain(l => l.StartsWith(BehindTlsProxy, StringComparison.Ordinal));
        // Without a profile, `dotnet run` takes the first one: that must be the Development one, named so.
        LaunchProfiles.Names()[0].ShouldBe(LaunchProfiles.Development);
        LaunchProfiles.EnvironmentOf(LaunchProfiles.Development)["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");
        var production = LaunchProfiles.EnvironmentOf(LaunchProfiles.Production);
        production["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
        production.Keys.ShouldNotContain(k => k.StartsWith("Database__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DocumentedCommands_CreateTheFirstAdmin_StartInProduction_AndLetNoDemoCredentialIn()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync("production_path");
        try
        {
            var profile = LaunchProfiles.EnvironmentOf(LaunchProfiles.Production);
            var environment = new Dictionary<string, string>(profile)
            {
                ["ConnectionStrings__Dashboard"] = database,
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            };

            var created = await AppCommand.RunAsync(CreateAdminCommand, environment);

            created.ExitCode.ShouldBe(0, created.ToString());
            var password = OneTimePassword().Match(created.Output).Groups[1].Value;
            password.ShouldNotBeEmpty(created.ToString());
            ErrorLines(created.Output + created.Error).ShouldBeEmpty(created.ToString());

            // What `dotnet run --launch-profile Production` sets, on the built app; the rest is appsettings.json.
            var settings = new Dictionary<string, string>(environment) { ["Database:SeedDemoData"] = "false" };
            settings.Remove("ConnectionStrings__Dashboard");
            await using var app = await AppInstance.StartAsync("production", database, settings);

            await SignInAndCheckNoDemoBannerAsync(app, password);
            await DemoLoginsAreRefusedAsync(app);
            await DemoTokensAndBridgeKeysAreRefusedAsync(app);
            await NoDemoRowsAsync(database);
            app.RecentOutput.ShouldContain("Hosting environment: Production");
            app.RecentOutput.ShouldNotContain("DEMO CREDENTIALS ACTIVE");
            ErrorLines(app.RecentOutput).ShouldBeEmpty(app.RecentOutput);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task SignInAndCheckNoDemoBannerAsync(AppInstance app, string password)
    {
        var cookies = new PlainHttpCookies();
        using var client = BehindProxy(app, cookies);

        var loginPage = await client.GetStringAsync(SignInForm.LoginPath);
        loginPage.ShouldNotContain(FirstStartTests.BannerMarker);
        await SignInForm.SignInAsync(client, AdminEmail, password);
        cookies.Has(BrowserCookies.SignInCookie).ShouldBeTrue();

        var tokensPage = await BrowserCookies.GetSignedInPageAsync(client, "/admin/tokens", AdminEmail);
        tokensPage.ShouldNotContain(FirstStartTests.BannerMarker);
        tokensPage.ShouldNotContain(WellKnownDemoSecrets.Password);
    }

    private static async Task DemoLoginsAreRefusedAsync(AppInstance app)
    {
        foreach (var email in WellKnownDemoSecrets.LoginEmails)
        {
            using var client = BehindProxy(app, new PlainHttpCookies());
            using var response = await SignInForm.PostAsync(client, email, WellKnownDemoSecrets.Password);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{email} with the demo password was let in");
            (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"login-error\"");
        }
    }

    private static async Task DemoTokensAndBridgeKeysAreRefusedAsync(AppInstance app)
    {
        foreach (var token in WellKnownDemoSecrets.StaffTokens.Values)
        {
            using var client = app.CreateClient(token);
            using var response = await client.GetAsync("/api/v1/devices?query=DEMO-CAM");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"staff token {token}");
        }
        foreach (var key in WellKnownDemoSecrets.BridgeKeys.Values)
        {
            using var client = app.CreateClient(key);
            using var response = await client.PostAsJsonAsync("/api/v1/access/check",
                new { account = Guid.NewGuid(), device = "DEMO-CAM-0001", action = "stream" });
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"bridge key {key}");
        }
    }

    private static async Task NoDemoRowsAsync(string database)
    {
        await using var db = TestPostgres.CreateDbContext(database);
        (await db.Users.Select(u => u.Email).ToListAsync()).ShouldBe([AdminEmail]);
        (await db.ApiTokens.CountAsync()).ShouldBe(0);
        (await db.BridgeKeys.CountAsync()).ShouldBe(0);
        (await db.Integrations.CountAsync()).ShouldBe(0);
        (await db.Accounts.CountAsync()).ShouldBe(0);
        (await db.Devices.CountAsync()).ShouldBe(0);
    }

    /// <summary>A browser's requests as the TLS-terminating proxy forwards them.</summary>
    private static HttpClient BehindProxy(AppInstance app, PlainHttpCookies cookies)
    {
        var client = new HttpClient(cookies) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>Error and Critical lines, in either console format (JSON outside Development, one line in it).</summary>
    private static List<string> ErrorLines(string output) => output.Split('\n')
        .Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
            || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
            || l.Contains(" fail: ", StringComparison.Ordinal) || l.StartsWith("fail: ", StringComparison.Ordinal)
            || l.Contains(" crit: ", StringComparison.Ordinal) || l.StartsWith("crit: ", StringComparison.Ordinal))
        .ToList();

    [GeneratedRegex(@"One-time password \(shown only now\): (\S+)")]
    private static partial Regex OneTimePassword();
}
