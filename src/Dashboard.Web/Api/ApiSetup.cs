namespace Dashboard.Web.Api;

public static class ApiSetup
{
    public static WebApplicationBuilder AddDashboardApi(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        return app;
    }
}
