using Dashboard.Core.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Hosting;

/// <summary>
/// The one exception handler: a request the framework could not read becomes the 4xx it deserves, naming the
/// field; PostgreSQL out of reach becomes a 503 "try again shortly" (a readable page for a browser, a problem for
/// anything else: docs/decisions/0017-database-outage.md); anything else is logged in full and answered with a 500
/// problem that reveals nothing about the cause.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger, PooledConnections pools) : IExceptionHandler
{
    /// <summary>Not an HTTP status: what nginx logs when the client went away before the answer.</summary>
    private const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException badRequest:
                LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, badRequest.Message);
                await BadRequestProblems.For(badRequest).ExecuteAsync(httpContext);
                return true;

            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                LogAborted(logger, httpContext.Request.Method, httpContext.Request.Path);
                httpContext.Response.StatusCode = ClientClosedRequest;
                return true;

            case var _ when DatabaseUnavailable.Is(exception):
                // Expected while PostgreSQL restarts, and one per request: the message is enough, not the stack.
                LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
                pools.Forget();
                await UnavailableResponse.WriteAsync(httpContext);
                return true;

            default:
                LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
                await TypedResults.Problem(
                        statusCode: StatusCodes.Status500InternalServerError,
                        detail: "The server could not complete the request. The error has been logged.")
                    .ExecuteAsync(httpContext);
                return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bad request {Method} {Path}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client closed {Method} {Path} before the answer")]
    private static partial void LogAborted(ILogger logger, string method, string path);
}
