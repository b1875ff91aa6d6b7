using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Web.Hosting;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error is an RFC 9457 problem: unhandled exceptions (500, no stack trace), requests the framework
    /// cannot bind (400/413/415, naming the field), and the empty 4xx responses under <c>/api</c>.
    /// </summary>
    public static IServiceCollection AddDashboardProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= http.Request.Path;
            // Lets support match a report to the server log without exposing anything else.
            var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
            context.ProblemDetails.Extensions.TryAdd("traceId", traceId);
            if (http.Features.Get<IHttpResponseFeature>() is { } response && context.ProblemDetails.Status is null)
            {
                context.ProblemDetails.Status = response.StatusCode;
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Minimal APIs answer bad JSON and unbindable parameters with an empty 400 unless told to throw; the
        // thrown BadHttpRequestException carries the JsonException whose path names the offending field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
