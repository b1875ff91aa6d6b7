using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Integrations;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class IntegrationsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the last use of {Count} link(s); will retry")]
    public static partial void LinkUsageNotRecorded(ILogger logger, Exception exception, int count);
}
