using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} decision counter(s); will retry")]
    public static partial void CountersNotWritten(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} activity count(s); will retry")]
    public static partial void ActivityNotWritten(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} not_owner decision(s); will retry")]
    public static partial void NotOwnerNotWritten(ILogger logger, Exception exception, int count);
}
