using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace Dashboard.IntegrationTests.KillSwitches.Radius;

/// <summary>
/// The maintained table under concurrent writers, and a preview that is cancelled while PostgreSQL works on it.
/// One account pair, one integration, one device: RadiusFleet's fixed ids.
/// </summary>
public sealed class BlastRadiusTableTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly KillSwitchScope Everything = new() { AllIntegrations = true };

    [Fact]
    public async Task Exposure_AddedWhileItsDeviceIsTransferredAway_LeavesNoRow()
    {
        await ArrangeAsync();
        await using var transfer = await OpenAsync();
        await using var expose = await OpenAsync();
        await using var transaction = await transfer.BeginTransactionAsync();
        await new RadiusStep.Transfer(0, 1).ApplyAsync(transfer);

        // The exposure's trigger reads the device: it must wait for the transfer rather than see the old owner.
        var exposing = new RadiusStep.Expose(0, 0, 0).ApplyAsync(expose);
        await WaitUntilBlockedAsync(expose);
        await transaction.CommitAsync();
        await exposing;

        (await CountAsync("SELECT count(*) FROM device_exposures")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM blast_radius_exposures")).ShouldBe(0);
        (await Radius.PreviewAsync(Everything)).ShouldBe(new BlastRadius(0, 0, 0));
    }

    [Fact]
    public async Task Device_TransferredBackWhileItsLinkIsRevoked_LeavesNoRow()
    {
        await ArrangeAsync();
        await ApplyAsync(new RadiusStep.Expose(0, 0, 0));
        await ApplyAsync(new RadiusStep.Transfer(0, 1));
        await using var revoke = await OpenAsync();
        await using var transferBack = await OpenAsync();
        await using var transaction = await revoke.BeginTransactionAsync();
        await new RadiusStep.Unlink(0, 0).ApplyAsync(revoke);

        // Back with the link's account, the device's rows are rebuilt: the link's revocation must be seen, not missed.
        var transferring = new RadiusStep.Transfer(0, 0).ApplyAsync(transferBack);
        await WaitUntilBlockedAsync(transferBack);
        await transaction.CommitAsync();
        await transferring;

        (await CountAsync("SELECT count(*) FROM blast_radius_exposures")).ShouldBe(0);
        (await Radius.PreviewAsync(Everything)).ShouldBe(new BlastRadius(0, 0, 0));
    }

    [Fact]
    public async Task Preview_CancelledWhileItsStatementWaits_StopsTheStatementAndThrows()
    {
        await ArrangeAsync();
        await ApplyAsync(new RadiusStep.Expose(0, 0, 0));
        (await Radius.PreviewAsync(Everything)).ShouldBe(new BlastRadius(1, 1, 1));
        await using var holder = await OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await RadiusSql.ExecuteAsync(holder, "LOCK TABLE blast_radius_exposures IN ACCESS EXCLUSIVE MODE");
        using var cancel = new CancellationTokenSource();

        var preview = Radius.PreviewAsync(Everything, cancel.Token);
        await WaitForStatementAsync("blast_radius_exposures r", present: true);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(preview);
        // The statement is gone from the server, not only abandoned by the client.
        await WaitForStatementAsync("blast_radius_exposures r", present: false);
    }

    private KillSwitchService Radius => RadiusService.Over(database);

    private async Task ArrangeAsync()
    {
        await using var connection = await OpenAsync();
        await new RadiusFleet([0, 0, 0, 0, 0, 0], Enumerable.Repeat((0, 0, 0), RadiusFleet.DeviceCount).ToArray(),
            [false, false, false, false], []).ArrangeAsync(connection);
        await new RadiusStep.Link(0, 0, 15).ApplyAsync(connection);
    }

    private async Task ApplyAsync(RadiusStep step)
    {
        await using var connection = await OpenAsync();
        await step.ApplyAsync(connection);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Until the connection's backend waits for a lock another transaction holds.</summary>
    private async Task WaitUntilBlockedAsync(NpgsqlConnection blocked)
    {
        var pid = blocked.ProcessID;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await CountAsync($"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid} AND wait_event_type = 'Lock'") == 1)
            {
                return;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"backend {pid} never waited for a lock");
    }

    private async Task WaitForStatementAsync(string text, bool present)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var running = await CountAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%{text}%' AND pid <> pg_backend_pid()");
            if ((running > 0) == present)
            {
                return;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException(present ? "the preview's statement never ran" : "the preview's statement is still running");
    }
}
