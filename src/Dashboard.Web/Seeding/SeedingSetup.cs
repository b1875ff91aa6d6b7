namespace Dashboard.Web.Seeding;

public static class SeedingSetup
{
    public static WebApplicationBuilder AddDashboardSeeding(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
