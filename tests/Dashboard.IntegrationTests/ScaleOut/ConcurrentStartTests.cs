using System.Diagnostics;
using Dashboard.Core.Seeding;
using Dashboard.IntegrationTests.Guarantees;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.IntegrationTests.ScaleOut;

/// <summary>
/// Two instances started at once on an empty database, both told to migrate and seed (as every replica of the
/// compose file is): one runs the start-up steps while the other waits, and the database ends with one migration
/// history, one demo fixture and one Data Protection key.
/// </summary>
public sealed class ConcurrentStartTests : IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(180);

    private static readonly Dictionary<string, string> MigrateAndSeed = new()
    {
        ["Database:ApplyMigrationsOnStartup"] = "true",
        ["Database:SeedDemoData"] = "true",
    };

    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateEmptyDatabaseAsync(nameof(ConcurrentStartTests));

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabase_BothComeUp_WithOneMigrationHistoryFixtureAndKey()
    {
        // The test holds the start-up lock until both instances are queued behind it, so they are released at the
        // same moment instead of one happening to finish before the other begins.
        var gate = await HoldStartupLockAsync();
        var startA = AppInstance.StartAsync("A", _connectionString, MigrateAndSeed);
        var startB = AppInstance.StartAsync("B", _connectionString, MigrateAndSeed);
        try
        {
            await WaitUntilWaitingAsync(2, startA, startB);
            await gate.DisposeAsync();   // both go at once
            await Task.WhenAll(startA, startB);
        }
        catch
        {
            await gate.DisposeAsync();
            await StopAllAsync(startA, startB);
            throw;
        }
        await using var a = await startA;
        await using var b = await startB;

        await using var db = TestPostgres.CreateDbContext(_connectionString);
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        (await db.AuditEntries.CountAsync(e => e.Action == "demo_fixture.seeded")).ShouldBe(1);
        (await db.Users.CountAsync()).ShouldBe(DemoFixture.Users.Count);
        (await db.Devices.CountAsync()).ShouldBe(DemoFixture.Devices.Count);
        (await db.DataProtectionKeys.CountAsync()).ShouldBe(1, "each instance would sign cookies with its own key");

        // And so a session begun on one is honoured by the other at once.
        var browser = new BrowserCookies();
        using var clientA = browser.ClientFor(a.BaseAddress);
        using var clientB = browser.ClientFor(b.BaseAddress);
        await Auth.SignInForm.SignInAsync(clientB, "admin@demo.test", "Demo-pass-1");
        await BrowserCookies.GetSignedInPageAsync(clientA, "/admin/tokens", "admin@demo.test");
    }

    /// <summary>Stops whichever of the instances did start, so none outlives a failed test.</summary>
    private static async Task StopAllAsync(params Task<AppInstance>[] starts)
    {
        foreach (var start in starts)
        {
            try
            {
                await (await start).DisposeAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // That one never started (and stopped itself); its error is the test's.
            }
        }
    }

    private async Task<NpgsqlConnection> HoldStartupLockAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLock.LockKey})", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Waits until <paramref name="count"/> start-up sessions wait for the lock (fails at once if a start fails).</summary>
    private async Task WaitUntilWaitingAsync(int count, params Task[] starts)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
            WHERE l.locktype = 'advisory' AND NOT l.granted
              AND s.application_name = $1 AND s.datname = current_database()
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StartupLock.ApplicationName });
        var elapsed = Stopwatch.StartNew();
        while ((long)(await command.ExecuteScalarAsync())! < count)
        {
            if (starts.FirstOrDefault(s => s.IsCompleted) is { } ended)
            {
                await ended;   // a start that failed says why
                throw new ShouldAssertException("An instance started while the test held the start-up lock.");
            }
            elapsed.Elapsed.ShouldBeLessThan(WaitLimit, $"{count} instances did not queue for the start-up lock");
            await Task.Delay(100);
        }
    }
}
