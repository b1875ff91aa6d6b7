namespace Dashboard.Web.Components;

public static class UiSetup
{
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        return app;
    }
}
