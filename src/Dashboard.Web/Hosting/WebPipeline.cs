namespace Dashboard.Web.Hosting;

public static class WebPipeline
{
    /// <summary>Error handling, ProblemDetails and security headers: the outermost middleware.</summary>
    public static WebApplication UseDashboardHosting(this WebApplication app)
    {
        return app;
    }
}
