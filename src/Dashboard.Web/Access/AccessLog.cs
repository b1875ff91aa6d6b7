namespace Dashboard.Web.Access;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class AccessLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed lost; answering from the database until it is back (retry in {Retry})")]
    public static partial void ChangeFeedLost(ILogger logger, Exception exception, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for policy changes (backend {Pid})")]
    public static partial void Listening(ILogger logger, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove this instance's enforcement point; its lease runs out on its own")]
    public static partial void EnforcementPointNotRemoved(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruning dead enforcement points failed")]
    public static partial void PruningFailed(ILogger logger, Exception exception);
}
