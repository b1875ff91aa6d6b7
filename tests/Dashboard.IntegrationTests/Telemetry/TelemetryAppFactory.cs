using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>The demo app with telemetry written every 100 ms, so tests wait little for the rows.</summary>
public class TelemetryAppFactory : DashboardAppFactory
{
    protected virtual TimeSpan FlushInterval => TimeSpan.FromMilliseconds(100);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dashboard:Telemetry:FlushInterval", FlushInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Telemetry written only once a minute: what is stored before then was written by the shutdown flush.</summary>
public sealed class SlowFlushAppFactory : TelemetryAppFactory
{
    protected override TimeSpan FlushInterval => TimeSpan.FromMinutes(1);
}
