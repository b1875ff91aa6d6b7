using System.Text.RegularExpressions;
using Dashboard.Core.Data;
using Dashboard.LocalPostgres;
using Dashboard.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dashboard.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (under the temp folder, started on first use, stopped and
/// deleted when the test process exits) with a template database migrated once by the real migrations. Each
/// test class gets its own database cloned from the template: fast, isolated, and always the current schema.
/// </summary>
public static partial class TestPostgres
{
    public const string TemplateDatabase = "dashboard_template";
    private const string FolderPrefix = "dashboard-tests-";

    private static readonly Lazy<Task<LocalPostgresServer>> Server = new(StartAsync);
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static int _databaseCounter;

    /// <summary>The running cluster (started on first call).</summary>
    public static Task<LocalPostgresServer> GetServerAsync() => Server.Value;

    /// <summary>Connection string of the cluster's <c>postgres</c> database, as superuser.</summary>
    public static async Task<string> AdminConnectionStringAsync() => (await Server.Value).ConnectionString("postgres");

    /// <summary>Creates a database holding the migrated schema and no rows; returns its connection string.</summary>
    /// <param name="hint">Part of the database name, to tell databases apart in the server log (say, the test class).</param>
    public static async Task<string> CreateDatabaseAsync(string hint)
    {
        var server = await Server.Value;
        var name = $"t{Interlocked.Increment(ref _databaseCounter)}_{Sanitize(hint)}";
        name = name[..Math.Min(name.Length, 63)];

        // CREATE DATABASE ... TEMPLATE needs the template free of other sessions; clones are serialized so
        // each one sees it that way (they take a few tens of milliseconds).
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync(server.ConnectionString("postgres"),
                $"CREATE DATABASE {Quote(name)} TEMPLATE {Quote(TemplateDatabase)}");
        }
        finally
        {
            CloneLock.Release();
        }
        return server.ConnectionString(name);
    }

    /// <summary>Creates a database with no schema at all (for what the app does on its first start); returns its connection string.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string hint)
    {
        var server = await Server.Value;
        var name = $"t{Interlocked.Increment(ref _databaseCounter)}_{Sanitize(hint)}";
        name = name[..Math.Min(name.Length, 63)];
        await ExecuteAsync(server.ConnectionString("postgres"), $"CREATE DATABASE {Quote(name)}");
        return server.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> or <see cref="CreateEmptyDatabaseAsync"/>, ending any session still on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Server.Value;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteAsync(server.ConnectionString("postgres"), $"DROP DATABASE IF EXISTS {Quote(builder.Database!)} WITH (FORCE)");
    }

    /// <summary>A context on <paramref name="connectionString"/>, configured exactly as the app configures its own.</summary>
    public static DashboardDbContext CreateDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DashboardDb.Configure(options, connectionString);
        return new DashboardDbContext(options.Options);
    }

    private static async Task<LocalPostgresServer> StartAsync()
    {
        var tempRoot = Path.GetTempPath();
        await AbandonedClusters.CleanUpAsync(tempRoot, FolderPrefix, NullLogger.Instance);

        var root = Path.Combine(tempRoot, $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..(FolderPrefix.Length + 20)]);
        var server = await LocalPostgresServer.StartAsync(
            new LocalPostgresOptions { DataDirectory = Path.Combine(root, "pgdata"), Database = TemplateDatabase, Ephemeral = true },
            NullLogger.Instance);
        // The server deletes its own files when it stops at process exit; this removes the folder around them.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);

        var template = server.ConnectionString(TemplateDatabase);
        await using (var db = CreateDbContext(template))
        {
            await db.Database.MigrateAsync();
        }
        // No pooled session may stay on the template, or cloning it fails.
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Sanitize(string hint) => NotIdentifier().Replace(hint.ToLowerInvariant(), "_");

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the next run's clean-up removes what is left.
        }
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifier();
}
