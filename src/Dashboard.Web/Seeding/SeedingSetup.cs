using Dashboard.Web.Hosting;

namespace Dashboard.Web.Seeding;

public static class SeedingSetup
{
    /// <summary>
    /// The bulk loader (used by <c>seed --devices N</c>) always; start-up seeding of the demo fixture and fleet
    /// when <c>Database:SeedDemoData</c> is set and only in Development (elsewhere a warning says it was refused).
    /// </summary>
    public static WebApplicationBuilder AddDashboardSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FleetBulkLoader>();
        builder.Services.AddSingleton<DemoFixtureSeeder>();
        builder.Services.AddValidatedOptions<DemoFleetOptions>(builder.Configuration, DemoFleetOptions.Section);

        var seedDemoData = builder.Configuration.GetValue<bool>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.SeedDemoData)}");
        var demoCredentials = seedDemoData && builder.Environment.IsDevelopment();
        builder.Services.AddSingleton(new DemoCredentialsNotice(demoCredentials));
        if (!seedDemoData)
        {
            return builder;
        }
        if (demoCredentials)
        {
            // Registered after the migration service, so it starts after the schema is current.
            builder.Services.AddHostedService<DemoSeedingHostedService>();
        }
        else
        {
            builder.Services.AddHostedService<DemoSeedingRefusal>();
        }
        return builder;
    }
}
