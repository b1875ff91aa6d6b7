using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Access;
using Dashboard.Core.Auth;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// Every credential the app handles, used the way the app uses it, with every log message captured at Trace:
/// none of the secrets may appear in any message, structured value, scope or exception.
/// </summary>
public sealed partial class SecretsInLogsTests(SecretsInLogsTests.LoggedApp app) : IClassFixture<SecretsInLogsTests.LoggedApp>
{
    /// <summary>The demo app, logging everything to <see cref="Logs"/>, with a password in its connection string.</summary>
    public sealed class LoggedApp : DashboardAppFactory
    {
        /// <summary>The test cluster's generated password, which its connection strings carry to everything that connects.</summary>
        public string DatabasePassword => new NpgsqlConnectionStringBuilder(ConnectionString).Password
            ?? throw new InvalidOperationException("The test cluster's connection string carries no password.");

        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            DatabasePassword.Length.ShouldBeGreaterThan(20);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(Logs);
                // A rule of this provider's own beats the app's configured levels (Information, Warning).
                logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            });
        }
    }

    [Fact]
    public async Task SigningIn_CallingTheApi_IssuingKeys_AndCreatingAnAdmin_LogNoSecret()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        var secrets = new List<(string What, string Value)>
        {
            ("database password", app.DatabasePassword),
            ("demo password", "Demo-pass-1"),
            ("demo staff token", "dev-admin-token"),
            ("demo bridge key", "dev-bridge-google-assistant"),
        };

        // A person signs in with their password, after one typo.
        var user = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        secrets.Add(("mistyped password", AuthTestData.Password + "x"));
        secrets.Add(("password", AuthTestData.Password));
        (await SignInForm.PostAsync(browser, user.Email!, AuthTestData.Password + "x")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SignInForm.SignInAsync(browser, user.Email!, AuthTestData.Password);
        (await browser.GetAsync("/admin/tokens")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/export/devices.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SignInForm.SignInAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }),
            "admin2@demo.test", "Demo-pass-1");

        // Staff tokens: the demo one, a freshly issued one, and one that does not exist.
        var issued = await AuthTestData.IssueTokenAsync(app, user, "log test");
        secrets.Add(("issued staff token", issued.Secret));
        var unknownToken = "fdt_" + Guid.NewGuid().ToString("N");
        secrets.Add(("unknown staff token", unknownToken));
        foreach (var token in new[] { "dev-admin-token", issued.Secret })
        {
            using var staff = app.CreateClient(token);
            (await staff.GetAsync("/api/v1/devices?query=DEMO")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await staff.GetAsync("/api/v1/audit?pageSize=5")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using (var stranger = app.CreateClient(unknownToken))
        {
            (await stranger.GetAsync("/api/v1/devices")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Bridge keys: issued and rotated through the catalog the admin page uses, then used by a bridge.
        var catalog = app.Services.GetRequiredService<IntegrationCatalog>();
        var integration = await catalog.AddAsync(
            new IntegrationDraft($"log-test-{Guid.NewGuid():N}"[..20], "Log test", IntegrationKind.Assistant, AccessActions.All), user.Id);
        var first = (await catalog.IssueKeyAsync(integration, user.Id)).ShouldNotBeNull();
        var rotated = (await catalog.RotateKeyAsync(integration, first.Id, TimeSpan.FromHours(1), user.Id)).ShouldNotBeNull();
        secrets.Add(("issued bridge key", first.Secret));
        secrets.Add(("rotated bridge key", rotated.Secret));
        await app.Services.GetRequiredService<BridgeKeyDirectory>().RefreshAsync();
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        foreach (var key in new[] { "dev-bridge-google-assistant", first.Secret, rotated.Secret, "fdb_" + Guid.NewGuid().ToString("N") })
        {
            using var bridge = app.CreateClient(key);
            using var check = await bridge.PostAsJsonAsync("/api/v1/access/check", new { account = alice, device = "DEMO-CAM-0001", action = "stream" });
            ((int)check.StatusCode).ShouldBeLessThan(500);
        }

        // The first admin of a fresh installation, with its one-time password, signing in.
        var output = new StringWriter();
        var adminEmail = $"log-admin-{Guid.NewGuid():N}@example.test";
        (await new CreateAdminCommand(adminEmail, output, new StringWriter()).RunAsync(app.Services)).ShouldBe(CreateAdminCommand.Created);
        var oneTimePassword = OneTimePasswordLine().Match(output.ToString()).Groups[1].Value;
        oneTimePassword.ShouldNotBeNullOrEmpty();
        secrets.Add(("one-time admin password", oneTimePassword));
        await SignInForm.SignInAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }),
            adminEmail, oneTimePassword);

        var logs = app.Logs.Entries.ToList();
        // The capture saw the whole story, down to Trace, or its silence would prove nothing.
        logs.ShouldContain(l => l.Level == LogLevel.Trace);
        logs.ShouldContain(l => l.Level == LogLevel.Debug && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        logs.ShouldContain(l => l.Message.Contains("signed in", StringComparison.Ordinal));
        logs.ShouldContain(l => l.Category.StartsWith("Microsoft.AspNetCore.Authentication", StringComparison.Ordinal));
        var leaks = (from log in logs
                     from text in log.Texts
                     from secret in secrets
                     where text.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{secret.What} in {log.Level} {log.Category}: {Shorten(text)}").Distinct().ToList();
        leaks.ShouldBeEmpty(string.Join('\n', leaks));
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    [GeneratedRegex(@"One-time password \(shown only now\): (\S+)")]
    private static partial Regex OneTimePasswordLine();
}
