using Microsoft.Extensions.Primitives;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Security headers on every response, whatever its status or content type (pages, API, errors, static files).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs no inline or eval'd script: blazor.web.js and MudBlazor.min.js are files served from
    /// this origin, and the circuit's WebSocket is same-origin, which CSP Level 3 <c>'self'</c> covers for ws/wss.
    /// <c>'unsafe-inline'</c> for styles only: MudBlazor components and Blazor's DOM updates write <c>style</c>
    /// attributes, and blazor.web.js builds its reconnection overlay with a <c>&lt;style&gt;</c> element (see
    /// docs/decisions/0015-web-security.md). MudBlazor draws its icons as inline SVG and some images as
    /// <c>data:</c> URLs. ContentSecurityPolicyTests (browser) checks that no page meets a refusal.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static readonly (string Name, StringValues Value)[] Headers =
    [
        ("Content-Security-Policy", ContentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
    ];

    /// <summary>
    /// Sets the headers when the response starts, not now: the exception handler clears headers before it writes
    /// its error, and a header set here up front would be lost on exactly the responses that matter.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                foreach (var (name, value) in Headers)
                {
                    headers[name] = value;
                }
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
