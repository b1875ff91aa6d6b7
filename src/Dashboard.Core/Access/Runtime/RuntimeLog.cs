using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Access.Runtime;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying policy changes failed; retrying as a full resync in {Delay}")]
    public static partial void ApplyFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resynchronized access policy at revision {Revision} ({Reason})")]
    public static partial void Resynchronized(ILogger logger, long revision, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report applied revision {Revision}")]
    public static partial void RevisionNotReported(ILogger logger, Exception exception, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A decision observer failed")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An access decision could not be made")]
    public static partial void DecisionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease renewal failed")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the policy revision failed")]
    public static partial void RevisionReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease acquired at applied revision {Revision}")]
    public static partial void LeaseAcquired(ILogger logger, long revision);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Decisions still in flight; the lease runs out on its own")]
    public static partial void DecisionsInFlight(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not mark the lease as lapsed; it runs out on its own")]
    public static partial void LapseNotMarked(ILogger logger, Exception exception);
}
