namespace Dashboard.Web.Hosting;

public static class WebPipeline
{
    /// <summary>Correlation id, error handling, ProblemDetails and security headers: the outermost middleware.</summary>
    public static WebApplication UseDashboardHosting(this WebApplication app)
    {
        // Outermost of all: every log line of the request, the exception handler's included, carries the id.
        app.UseCorrelationId();
        // First, so its OnStarting callback is registered before anything can write or fail.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // Uses ProblemExceptionHandler (registered with the problem details, see ProblemDetailsSetup).
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHttpsPages();
        }
        app.UseApiRequestHandling();
        return app;
    }
}
