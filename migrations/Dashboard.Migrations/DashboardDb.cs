using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Migrations;

/// <summary>The one place that says how the DbContext talks to PostgreSQL, for the app, tests and tools alike.</summary>
public static class DashboardDb
{
    /// <summary>EF's migration history table, resolved through the connection's <c>search_path</c> like every other table.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(DashboardDb).Assembly.GetName().Name)
            .MigrationsHistoryTable(MigrationsHistoryTable));
}
