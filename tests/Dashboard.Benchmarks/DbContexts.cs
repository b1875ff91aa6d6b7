using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>Contexts over one benchmark database, for the app's services used in-process.</summary>
public sealed class DbContexts(string connectionString) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => ThrowawayCluster.CreateDbContext(connectionString);
}
