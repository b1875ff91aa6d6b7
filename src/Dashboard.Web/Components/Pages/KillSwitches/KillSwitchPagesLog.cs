namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class KillSwitchPagesLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet values for the kill switch builder could not be read")]
    public static partial void FleetValuesUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blast radius preview failed")]
    public static partial void BlastRadiusFailed(ILogger logger, Exception exception);
}
