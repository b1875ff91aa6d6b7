using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations;

/// <summary>Used by <c>dotnet ef</c> only. Generating migrations and scripts needs no server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Dashboard")
            ?? "Host=localhost;Database=dashboard_design;Username=postgres";
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DashboardDb.Configure(options, connectionString);
        return new DashboardDbContext(options.Options);
    }
}
