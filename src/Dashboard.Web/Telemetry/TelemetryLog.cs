namespace Dashboard.Web.Telemetry;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision telemetry flush failed")]
    public static partial void FlushFailed(ILogger logger, Exception exception);
}
