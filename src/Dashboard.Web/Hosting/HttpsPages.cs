using Dashboard.Web.Auth;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Outside Development the sign-in and antiforgery cookies are Secure (decision 0015), so a page reached over plain
/// HTTP could never sign anyone in, and the antiforgery system throws while rendering a form. Such a request gets a
/// readable 400 that says how to reach the dashboard instead. Machine endpoints (the API with its bearer
/// credentials, health probes, metrics) carry no cookie and keep answering over HTTP, as load balancers expect.
/// </summary>
public static class HttpsPages
{
    internal const string Message =
        "Fleet Dashboard serves its pages over HTTPS only. Open it with https://, or, behind a TLS-terminating proxy, " +
        "enable forwarded headers (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) so the app sees the proxy's HTTPS.";

    private static readonly PathString[] MachinePaths = [ApiPaths.Root, "/healthz", "/readyz", "/metrics"];

    public static IApplicationBuilder UseHttpsPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.IsHttps || MachinePaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(Message, context.RequestAborted);
    });
}
