using System.Collections;
using System.Diagnostics;
using Dashboard.Core.Observability;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is well formed
/// (<see cref="CorrelationId.IsWellFormed"/>), otherwise the request's W3C trace id, which continues a caller's
/// <c>traceparent</c> and is the <c>TraceId</c> the framework puts in its own log scope. The id is echoed in the
/// response header, wraps the request in a logging scope (<c>CorrelationId</c>), and is current
/// (<see cref="CorrelationId.Current"/>) for the stores that keep it: not_owner decisions and audit entries.
/// </summary>
public static partial class CorrelationMiddleware
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>Outermost: every log line of the request, error handling included, is inside its scope.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationMiddleware));
        return app.Use((context, next) => HandleAsync(context, next, logger));
    }

    private static async Task HandleAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        var incoming = context.Request.Headers[HeaderName];
        string id;
        if (incoming.Count == 1 && CorrelationId.IsWellFormed(incoming[0]))
        {
            id = incoming[0]!;
        }
        else
        {
            id = Generate();
            if (incoming.Count > 0)
            {
                // Never the value itself: it is what failed the check (too long, control characters, ...).
                LogReplaced(logger, id);
            }
        }

        // Set when the response starts, not now: the exception handler clears headers before it writes its error.
        context.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers[HeaderName] = value;
            return Task.CompletedTask;
        }, (context.Response, id));

        using var scope = logger.BeginScope(new CorrelationScope(id));
        using var current = CorrelationId.Use(id);
        await next(context);
    }

    /// <summary>The request's trace id (32 lowercase hex digits), or a fresh one when no activity is running.</summary>
    private static string Generate()
    {
        var trace = Activity.Current?.TraceId ?? default;
        return (trace == default ? ActivityTraceId.CreateRandom() : trace).ToHexString();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replaced an ill-formed " + HeaderName + " header with {CorrelationId}")]
    private static partial void LogReplaced(ILogger logger, string correlationId);

    /// <summary>
    /// The scope's state: one named value, so JSON logs show <c>"CorrelationId": "..."</c> under the scope and the
    /// simple console shows <c>CorrelationId:...</c>. A class of its own instead of a dictionary: one small
    /// allocation per request on the decision path.
    /// </summary>
    private sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public const string Key = "CorrelationId";

        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new(Key, id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Key + ":" + id;
    }
}
