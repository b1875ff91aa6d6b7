using Dashboard.LocalPostgres;

namespace Dashboard.Web.Hosting;

/// <summary>Starts the embedded PostgreSQL for the app when no connection string is configured.</summary>
internal static class EmbeddedDatabase
{
    public const string DatabaseName = "dashboard";

    public static LocalPostgresServer Start(IConfiguration configuration)
    {
        var dataDir = configuration["Dashboard:DataDir"];
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            dataDir = LocalPostgresServer.DefaultDataDirectory("fleet-dashboard");
        }
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var options = new LocalPostgresOptions
        {
            DataDirectory = Path.GetFullPath(dataDir),
            BinDirectory = configuration["Dashboard:PostgresBin"],
            Database = DatabaseName,
        };
        return LocalPostgresServer.StartAsync(options, loggerFactory.CreateLogger("Dashboard.LocalPostgres"))
            .GetAwaiter().GetResult();
    }
}
