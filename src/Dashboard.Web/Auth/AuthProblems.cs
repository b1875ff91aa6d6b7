using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Auth;

/// <summary>
/// The RFC 9457 bodies of authentication failures on the API. Written by the bearer handlers' challenge and
/// forbid, and by the cookie's redirect events for <c>/api</c> paths, so an API client never gets HTML or a 302.
/// </summary>
public static class AuthProblems
{
    /// <summary>Set by a handler that could not decide (credential store unavailable): the challenge becomes a 503.</summary>
    internal const string UnavailableItem = "Dashboard.Auth.Unavailable";

    public static Task WriteUnauthorizedAsync(HttpContext context)
    {
        if (context.Items.ContainsKey(UnavailableItem))
        {
            context.Response.Headers.RetryAfter = "1";
            return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                "Credentials cannot be checked right now. Retry shortly.",
                "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4");
        }
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Send a valid staff API token or integration bridge key as 'Authorization: Bearer <token>'.",
            "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2");
    }

    public static Task WriteForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
            "This credential is valid but may not use this endpoint.",
            "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4");

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail, string type)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type };
        var writer = context.RequestServices.GetService<IProblemDetailsService>();
        if (writer is not null && await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            return;
        }
        // No ProblemDetails service, or the client's Accept header refused JSON: the API still answers in one format.
        await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
