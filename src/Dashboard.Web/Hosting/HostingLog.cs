namespace Dashboard.Web.Hosting;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "The embedded PostgreSQL could not start: {Reason}")]
    public static partial void EmbeddedDatabaseFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    public static partial void SchemaUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    public static partial void ApplyingMigrations(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    public static partial void SchemaOutOfDate(ILogger logger, string message);
}
