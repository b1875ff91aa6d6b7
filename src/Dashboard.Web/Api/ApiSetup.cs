using Dashboard.Web.Access;

namespace Dashboard.Web.Api;

public static class ApiSetup
{
    public static WebApplicationBuilder AddDashboardApi(this WebApplicationBuilder builder)
    {
        builder.AddDashboardAccess();
        return builder;
    }

    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        app.MapDashboardAccess();
        return app;
    }
}
