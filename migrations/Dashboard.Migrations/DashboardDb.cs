using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Migrations;

/// <summary>The one place that says how the DbContext talks to PostgreSQL, for the app, tests and tools alike.</summary>
public static class DashboardDb
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(DashboardDb).Assembly.GetName().Name)
            .MigrationsHistoryTable("__ef_migrations_history"));
}
