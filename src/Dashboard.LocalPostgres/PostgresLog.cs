using Microsoft.Extensions.Logging;

namespace Dashboard.LocalPostgres;

/// <summary>The log lines of this area, source-generated (one definition each, no formatting when the level is off).</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Deleting abandoned throwaway cluster folder {Folder}")]
    public static partial void DeletingAbandonedFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Folder}")]
    public static partial void FolderNotDeleted(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping an abandoned PostgreSQL server (pid {Pid}) in {DataDirectory}")]
    public static partial void StoppingAbandonedServer(ILogger logger, int pid, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PostgreSQL server (pid {Pid}) left behind by an earlier run is using {DataDirectory}; stopping it")]
    public static partial void StoppingLeftBehindServer(ILogger logger, int pid, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing a stale postmaster.pid in {DataDirectory} (process {Pid} is not its server)")]
    public static partial void RemovingStalePidFile(ILogger logger, string dataDirectory, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL cluster in {DataDirectory} lets local connections in without a password (created by an earlier version); setting a password, kept in {PasswordFile}")]
    public static partial void SettingPassword(ILogger logger, string dataDirectory, string passwordFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating a PostgreSQL cluster in {DataDirectory}")]
    public static partial void CreatingCluster(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Port {Wanted} is in use; PostgreSQL will listen on {Port} instead")]
    public static partial void PortInUse(ILogger logger, int wanted, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Port {Port} was taken before PostgreSQL could bind it; trying another")]
    public static partial void PortTaken(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "PostgreSQL not accepting connections yet")]
    public static partial void NotAcceptingYet(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    public static partial void CreatedDatabase(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL in {DataDirectory} stopped")]
    public static partial void Stopped(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL is listening on 127.0.0.1:{Port} (data {DataDirectory}, log {LogFile})")]
    public static partial void Listening(ILogger logger, int port, string dataDirectory, string logFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the throwaway cluster in {DataDirectory}")]
    public static partial void ThrowawayNotDeleted(ILogger logger, Exception exception, string dataDirectory);
}
