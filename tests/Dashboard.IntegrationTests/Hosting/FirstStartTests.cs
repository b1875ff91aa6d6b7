using Dashboard.Core.Auth;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Dashboard.IntegrationTests.Hosting;

/// <summary>
/// The first start of a Development instance on a database with no schema: it migrates, seeds the demo fixture, and
/// says loudly (a Warning, a banner on every page) that the published demo credentials are active, and it logs no error.
/// </summary>
public sealed class FirstStartTests(FirstStartTests.FirstStartApp app) : IClassFixture<FirstStartTests.FirstStartApp>
{
    public const string BannerMarker = "data-testid=\"demo-credentials-banner\"";

    public sealed class FirstStartApp : DashboardAppFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override bool EmptyDatabase => true;

        public HttpClient CreateBrowserLikeClient() =>
            CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(Logs);
                // Every level of every category, EF's command log included (the app's settings hide it below Warning).
                logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            });
        }
    }

    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_MigratesAndLogsNoError()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);

        app.Logs.Entries.ShouldContain(e => e.Message.StartsWith("Applying ", StringComparison.Ordinal)
            && e.Category.EndsWith("DatabaseMigrator", StringComparison.Ordinal), "the database was not empty");
        var errors = app.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
    }

    [Fact]
    public async Task Start_ThatSeedsDemoCredentials_LogsAWarningSayingSo()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);

        var warning = app.Logs.Entries.Where(e => e.Message.StartsWith("DEMO CREDENTIALS ACTIVE", StringComparison.Ordinal)).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Category.ShouldBe(typeof(DemoSeedingHostedService).FullName);
        warning.Message.ShouldContain("ASPNETCORE_ENVIRONMENT=Production");
    }

    [Theory]
    [InlineData(SignInForm.LoginPath, null)]
    [InlineData("/Account/AccessDenied", null)]
    [InlineData("/audit", WellKnownDemoSecrets.AdminEmail)]
    [InlineData("/devices", WellKnownDemoSecrets.SupportEmail)]
    [InlineData("/linked-services", WellKnownDemoSecrets.AliceEmail)]
    public async Task EveryPage_WhileDemoCredentialsAreActive_ShowsTheBanner(string path, string? signedInAs)
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        using var client = app.CreateBrowserLikeClient();
        if (signedInAs is not null)
        {
            await SignInForm.SignInAsync(client, signedInAs, WellKnownDemoSecrets.Password);
        }

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, html);
        html.ShouldContain(BannerMarker);
        html.ShouldContain("Demo credentials are active.");
    }
}
