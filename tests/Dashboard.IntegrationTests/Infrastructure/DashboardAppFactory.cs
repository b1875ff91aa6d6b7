using System.Globalization;
using System.Net.Http.Headers;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (in Development) over its own fresh database, for one test class
/// (<c>IClassFixture&lt;DashboardAppFactory&gt;</c>). The demo fixture is seeded unless a subclass turns
/// <see cref="SeedDemoData"/> off; the generated fleet is empty unless <see cref="DemoFleetDevices"/> says otherwise.
/// </summary>
public class DashboardAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>Seed the demo fixture (logins, tokens, four devices) at start-up.</summary>
    protected virtual bool SeedDemoData => true;

    /// <summary>Start on a database with no schema at all (the app's first start migrates it) instead of a migrated clone.</summary>
    protected virtual bool EmptyDatabase => false;

    /// <summary>Size of the generated fleet seeded besides the fixture.</summary>
    protected virtual int DemoFleetDevices => 0;

    /// <summary>
    /// Sign-in form posts allowed per client address and minute. Tests sign in from one address (the test server
    /// has none) far more often than people do, so the default is out of their way; the limit itself is tested
    /// with a low value (Security/SignInProtectionTests).
    /// </summary>
    protected virtual int SignInRateLimit => 1000;

    /// <summary>Connection string of this app's database, for arranging or checking rows directly.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The factory is not initialized yet.");

    /// <summary>A new short-lived context on this app's database (dispose it).</summary>
    public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(ConnectionString);

    /// <summary>A client that sends <c>Authorization: Bearer {token}</c> on every request.</summary>
    public HttpClient CreateClient(string bearerToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    public async Task InitializeAsync()
    {
        _connectionString = EmptyDatabase
            ? await TestPostgres.CreateEmptyDatabaseAsync(GetType().Name)
            : await TestPostgres.CreateDatabaseAsync(GetType().Name);
        // Start the host now, so start-up failures show in the fixture rather than in the first test.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Host settings (not app configuration sources): Program reads them before the app is built.
        builder.UseSetting("ConnectionStrings:Dashboard", ConnectionString);
        builder.UseSetting("Database:ApplyMigrationsOnStartup", "true");
        builder.UseSetting("Database:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("Dashboard:DemoFleet:Devices", DemoFleetDevices.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:SignInRateLimit:PermitLimit", SignInRateLimit.ToString(CultureInfo.InvariantCulture));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_connectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
            _connectionString = null;
        }
    }
}
