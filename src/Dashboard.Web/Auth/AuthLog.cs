namespace Dashboard.Web.Auth;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class AuthLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the last use of {Count} API token(s); will retry")]
    public static partial void TokenUsageNotRecorded(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "No well-known demo credential found")]
    public static partial void NoDemoCredential(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    public static partial void DemoCredentialsPresent(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload bridge keys; keeping the ones in memory")]
    public static partial void BridgeKeysNotReloaded(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    public static partial void SignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} is locked out after failed sign-ins")]
    public static partial void LockedOut(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff token lookup failed")]
    public static partial void StaffTokenLookupFailed(ILogger logger, Exception exception);
}
