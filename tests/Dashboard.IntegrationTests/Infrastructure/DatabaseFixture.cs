using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database with the migrated schema and no rows, for one test class (<c>IClassFixture&lt;DatabaseFixture&gt;</c>).
/// Dropped when the class's tests are done.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime, IDbContextFactory<DashboardDbContext>
{
    private string? _connectionString;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>A new short-lived context on this database, configured as the app's own (dispose it).</summary>
    public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(ConnectionString);

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync("db");

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
        }
    }
}
