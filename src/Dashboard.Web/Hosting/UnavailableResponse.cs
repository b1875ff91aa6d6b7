using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Web.Hosting;

/// <summary>
/// The answer to a request that failed because PostgreSQL is out of reach: 503 with <c>Retry-After</c>, as an RFC 9457
/// problem for the API and scripts, as a small self-contained page for a browser. The page needs nothing the outage
/// could break (no layout, no database, no circuit), and reloading it is the way back once PostgreSQL is up.
/// </summary>
internal static class UnavailableResponse
{
    public const string Title = "The database is unavailable";

    public static async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (WantsPage(context.Request))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(Page, context.RequestAborted);
            return;
        }
        await TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service unavailable",
                detail: DatabaseUnavailable.Message)
            .ExecuteAsync(context);
    }

    /// <summary>A browser asking for a page or posting a form; never the API, whose clients read problems.</summary>
    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments(ApiRequests.PathPrefix)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    // Inline style only (the CSP allows it, and a stylesheet request could fail like the page did).
    private const string Page = $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>{{Title}} · Fleet Dashboard</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #1f2933; }
        main { max-width: 36rem; margin: 12vh auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
        h1 { font-size: 1.5rem; margin-top: 0; }
        a { color: #1565c0; }
        </style>
        </head>
        <body>
        <main role="alert" data-testid="database-unavailable">
        <h1>{{Title}}</h1>
        <p>{{DatabaseUnavailable.Message}}</p>
        <p><a href="">Reload this page</a> in a few seconds. If you were saving a change, check whether it is there before making it again.</p>
        </main>
        </body>
        </html>
        """;
}
