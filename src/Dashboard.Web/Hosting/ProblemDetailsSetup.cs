using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Hosting;

public static class ProblemDetailsSetup
{
    /// <summary>The problem details member that carries the request's correlation id.</summary>
    public const string CorrelationIdExtension = "correlationId";

    /// <summary>
    /// Every error is an RFC 9457 problem: unhandled exceptions (500, no stack trace), requests the framework
    /// cannot bind (400/413/415, naming the field), and the empty 4xx responses under <c>/api</c>. Each carries
    /// <c>correlationId</c>, the id also sent in the <c>X-Correlation-Id</c> header and kept in every log line of the
    /// request (see <see cref="CorrelationMiddleware"/>), so support can match a report to the log. The framework's
    /// <c>traceId</c> (the W3C trace context of the request) stays as it is, for tracing tools.
    /// </summary>
    public static IServiceCollection AddDashboardProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            if (Core.Observability.CorrelationId.Current is { } correlationId)
            {
                context.ProblemDetails.Extensions[CorrelationIdExtension] = correlationId;
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // The handler forgets dead pooled connections; a host without the database setup (a test pipeline) has it too.
        services.TryAddSingleton<PooledConnections>();
        // Minimal APIs answer bad JSON and unbindable parameters with an empty 400 unless told to throw; the
        // thrown BadHttpRequestException carries the JsonException whose path names the offending field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
