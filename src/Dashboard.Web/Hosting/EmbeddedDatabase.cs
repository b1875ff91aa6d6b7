using Dashboard.LocalPostgres;

namespace Dashboard.Web.Hosting;

/// <summary>Starts the embedded PostgreSQL for the app when no connection string is configured.</summary>
internal static class EmbeddedDatabase
{
    public const string DatabaseName = "dashboard";
    public const string AppName = "fleet-dashboard";

    // Lives as long as the process: the server logs again when it stops, at host shutdown or process exit.
    private static readonly ILoggerFactory LoggerFactory =
        Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));

    /// <summary>
    /// <c>Dashboard:DataDir</c> (default <see cref="LocalPostgresServer.DefaultDataDirectory"/>) is the app's folder;
    /// the cluster lives in its <c>pgdata</c> folder, with <c>pgdata.log</c> beside it.
    /// </summary>
    public static LocalPostgresServer Start(IConfiguration configuration)
    {
        var dataDir = configuration["Dashboard:DataDir"];
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            dataDir = LocalPostgresServer.DefaultDataDirectory(AppName);
        }
        var options = new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(Path.GetFullPath(dataDir), "pgdata"),
            BinDirectory = configuration["Dashboard:PostgresBin"],
            Database = DatabaseName,
        };
        var logger = LoggerFactory.CreateLogger("Dashboard.LocalPostgres");
        try
        {
            return LocalPostgresServer.StartAsync(options, logger).GetAwaiter().GetResult();
        }
        catch (LocalPostgresException ex)
        {
            HostingLog.EmbeddedDatabaseFailed(logger, ex.Message);
            throw;
        }
    }
}
