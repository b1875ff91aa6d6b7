using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace Dashboard.IntegrationTests.Audit;

/// <summary>A fresh database for one test (these tests break the chain on purpose), with audit helpers.</summary>
internal sealed class AuditDatabase : IAsyncDisposable
{
    private AuditDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public AuditLog Log { get; } = new(TimeProvider.System);

    public static async Task<AuditDatabase> CreateAsync() => new(await TestPostgres.CreateDatabaseAsync("audit"));

    public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(ConnectionString);

    /// <summary>Appends <paramref name="count"/> entries, each in its own committed transaction.</summary>
    public async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var db = CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            await Log.AppendAsync(db, Record(i));
            await tx.CommitAsync();
        }
    }

    public static AuditRecord Record(int n) =>
        new("user-" + n, "device.claimed", "device", $"DEMO-CAM-{n:0000}", "test " + n, new { serial = $"DEMO-CAM-{n:0000}", n });

    public async Task<AuditVerification> VerifyAsync()
    {
        await using var db = CreateDbContext();
        return await AuditVerifier.VerifyAsync(db);
    }

    /// <summary>Runs SQL with triggers off (superuser only): what an attacker with full database access could do.</summary>
    public async Task ExecuteBypassingTriggersAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var bypass = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await bypass.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(ConnectionString);
}
