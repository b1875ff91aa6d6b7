using Dashboard.Web.Access;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Components;
using Dashboard.Web.Diagnostics;
using Dashboard.Web.Hosting;
using Dashboard.Web.Links;
using Dashboard.Web.Privacy;
using Dashboard.Web.Seeding;
using Dashboard.Web.Telemetry;

var builder = WebApplication.CreateBuilder(args);
var command = HostCommands.Parse(args);

// In every environment and for every command, each registered service must be constructible when the host is
// built: a missing registration stops the start with its name instead of failing the first request that needs it.
builder.Host.UseDefaultServiceProvider((context, o) =>
{
    o.ValidateOnBuild = true;
    o.ValidateScopes = context.HostingEnvironment.IsDevelopment();
});

builder.AddDashboardLogging();
builder.AddDashboardDatabase();
builder.AddDashboardAuth();
builder.AddDashboardSeeding();
if (command is null)
{
    builder.AddDashboardUi();
    builder.AddDashboardApi();
    builder.AddDashboardAccess();
    builder.AddDashboardTelemetry();
    builder.AddDashboardDiagnostics();
    builder.AddDashboardLinks();
    builder.AddDashboardPrivacy();
}

var app = builder.Build();

if (command is not null)
{
    Environment.ExitCode = await command.RunAsync(app.Services);
    return;
}

app.UseDashboardHosting();
app.UseDashboardAuth();
app.MapDashboardHealth();
app.MapDashboardApi();
app.MapDashboardAccess();
app.MapDashboardTelemetry();
app.MapDashboardDiagnostics();
app.MapDashboardLinks();
app.MapDashboardPrivacy();
app.MapDashboardUi();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
