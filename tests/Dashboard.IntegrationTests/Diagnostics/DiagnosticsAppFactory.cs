using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dashboard.IntegrationTests.Diagnostics;

/// <summary>The demo app with <c>Dashboard:Diagnostics:Enabled=true</c>, so the opt-in endpoints are mapped.</summary>
public sealed class DiagnosticsAppFactory : DashboardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dashboard:Diagnostics:Enabled", "true");
    }
}
