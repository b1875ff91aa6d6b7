using System.Text.Json;
using Microsoft.Extensions.Logging.Console;

namespace Dashboard.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>ISO 8601 in UTC with milliseconds, the form log stores parse without being told.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";

    /// <summary>
    /// Console logs: one JSON object per line outside Development, with the scopes (the request's
    /// <c>CorrelationId</c>, and the framework's <c>TraceId</c>, <c>RequestPath</c>, ...) and a UTC timestamp, for a
    /// log collector to index; one readable line per entry in Development. The other default providers stay.
    /// </summary>
    public static WebApplicationBuilder AddDashboardLogging(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = TimestampFormat;
                // The framework's own scope (connection, request id, path, trace and span ids) on every line would
                // drown the message; the correlation id is in the JSON logs and in every error answer.
                o.IncludeScopes = false;
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = TimestampFormat.TrimEnd();
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        return builder;
    }
}
