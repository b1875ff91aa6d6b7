using Dashboard.Core.Devices.Ownership;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>
/// The race the ownership version settles, made to happen every time: a change reads the device, passes every check,
/// and reaches its UPDATE while another transaction holds the row and moves the version.
/// </summary>
public sealed class OwnershipRaceTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Change_WhoseUpdateWaitsOnAConcurrentChange_IsAConflictAndWritesNothing()
    {
        var world = app.World();
        var owner = await world.AddAccountAsync();
        var other = await world.AddAccountAsync();
        var winner = await world.AddAccountAsync();
        var serial = await world.AddDeviceAsync(owner);
        var service = app.Services.GetRequiredService<OwnershipService>();

        // The other change: holds the device's row, ownership version moved, not yet committed.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand(
            "UPDATE devices SET owner_id = $1, ownership_version = ownership_version + 1 WHERE serial = $2", connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = winner });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serial });
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        // This change reads version 0 with the old owner (the other is uncommitted), so every check passes...
        var change = service.ChangeAsync(OwnershipChange.Transfer(serial, other, "late"), Core.Audit.ChangeActor.System);
        // ...and its UPDATE waits on the row.
        await Eventually.HoldsAsync(
            async () => change.IsCompleted || await WaitsOnALockAsync(app.ConnectionString),
            TimeSpan.FromSeconds(20),
            "the change never reached its UPDATE");
        change.IsCompleted.ShouldBeFalse();
        await transaction.CommitAsync();

        var result = await change;

        result.Outcome.ShouldBe(OwnershipOutcome.Conflict);
        result.Problem.ShouldNotBeNull().ShouldContain("at the same moment");
        (await OwnershipApi.LedgerCountAsync(app, serial)).ShouldBe(0);
        (await OwnershipApi.OwnershipVersionAsync(app, serial)).ShouldBe(1);
        (await OwnershipApi.AuditAsync(app, "device", serial)).ShouldBeEmpty();
    }

    // Asked on a connection of its own: inside the holder's transaction, pg_stat_activity would answer from the
    // snapshot taken at its first read, and never see the change arrive.
    private static async Task<bool> WaitsOnALockAsync(string connectionString)
    {
        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid())",
            observer);
        return (bool)(await query.ExecuteScalarAsync())!;
    }
}
