using Dashboard.Core.Configuration;
using Dashboard.Core.Data;
using Dashboard.LocalPostgres;
using Dashboard.Migrations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary>
    /// Uses <c>ConnectionStrings:Dashboard</c> when set; otherwise starts the embedded PostgreSQL in
    /// <c>Dashboard:DataDir</c> (stopped when the host is disposed, on Ctrl+C and SIGTERM too).
    /// </summary>
    public static WebApplicationBuilder AddDashboardDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Dashboard");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var server = EmbeddedDatabase.Start(builder.Configuration);
            builder.Services.AddSingleton(server);
            connectionString = server.ConnectionString(EmbeddedDatabase.DatabaseName);
        }

        builder.Services.AddSingleton(new DatabaseEndpoint(connectionString));
        // Everything that reaches the database may need to forget dead pooled connections (auth handlers, pages,
        // the exception handler), the one-off commands included.
        builder.Services.TryAddSingleton<PooledConnections>();
        builder.Services.AddDashboardCore(o => DashboardDb.Configure(o, connectionString));
        builder.Services.AddSingleton<ReadinessGate>();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<DashboardDbContext>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<ReadinessGateHealthCheck>("startup", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}

/// <summary>The connection string in use, for code that talks to PostgreSQL without EF (COPY, LISTEN).</summary>
public sealed record DatabaseEndpoint(string ConnectionString);

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>On in Development (appsettings.Development.json); set <c>Database__ApplyMigrationsOnStartup</c> elsewhere.</summary>
    public bool ApplyMigrationsOnStartup { get; set; }

    /// <summary>Seeds the demo fixture and generated fleet; Development only.</summary>
    public bool SeedDemoData { get; set; }
}
