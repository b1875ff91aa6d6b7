using Microsoft.AspNetCore.Http.Features;

namespace Dashboard.Web.Hosting;

/// <summary>What every request under <c>/api</c> gets from the hosting pipeline.</summary>
public static class ApiRequests
{
    public const string PathPrefix = "/api";

    /// <summary>API bodies are small JSON documents; anything larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix);

    /// <summary>
    /// Body size limit, <c>Cache-Control: no-store</c> (responses carry personal data), and RFC 9457 problem
    /// details for the error statuses the framework answers with an empty body (404, 405, 413, 415, 429, ...).
    /// </summary>
    public static IApplicationBuilder UseApiRequestHandling(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api =>
        {
            api.UseStatusCodePages(static context =>
                TypedResults.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
            api.Use(static (context, next) =>
            {
                context.Response.OnStarting(static state =>
                {
                    var headers = ((HttpResponse)state).Headers;
                    if (string.IsNullOrEmpty(headers.CacheControl))
                    {
                        headers.CacheControl = "no-store";
                    }
                    return Task.CompletedTask;
                }, context.Response);
                return LimitBodyAsync(context, next);
            });
        });

    /// <summary>
    /// A declared Content-Length over the limit is refused at once (413, turned into problem details by the
    /// status code pages). Otherwise the server's limit is lowered, so a chunked body fails with a 413
    /// <see cref="BadHttpRequestException"/> once it passes the limit.
    /// </summary>
    private static Task LimitBodyAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        return next();
    }
}
