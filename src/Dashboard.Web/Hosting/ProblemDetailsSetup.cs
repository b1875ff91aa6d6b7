using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Hosting;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error is an RFC 9457 problem: unhandled exceptions (500, no stack trace), requests the framework
    /// cannot bind (400/413/415, naming the field), and the empty 4xx responses under <c>/api</c>. The framework
    /// adds <c>traceId</c>, which lets support match a report to the server log.
    /// </summary>
    public static IServiceCollection AddDashboardProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // The handler forgets pooled connections when the database was out of reach (so do pages and auth handlers).
        services.TryAddSingleton<PooledConnections>();
        // Minimal APIs answer bad JSON and unbindable parameters with an empty 400 unless told to throw; the
        // thrown BadHttpRequestException carries the JsonException whose path names the offending field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
