using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Access.Signals;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class SignalsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the not_owner signal")]
    public static partial void SignalUnreadable(ILogger logger, Exception exception);
}
