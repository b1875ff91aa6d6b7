using Dashboard.Core.Access.Propagation;
using Npgsql;

namespace Dashboard.IntegrationTests.Access;

/// <summary>
/// The waiter against hand-made enforcement-point rows next to the app's own, which applies every revision the
/// tests commit.
/// </summary>
public sealed class PropagationWaiterTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WaitAsync_CountsLivePointsAsConfirmedOrExpired_AndIgnoresDeadOnes()
    {
        var revision = await CommitAndPropagateAsync();
        // Confirmed: a point that already applied the revision.
        var done = await AddPointAsync(appliedRevision: revision, heartbeatAgo: TimeSpan.Zero);
        // Expired: alive when the wait starts, never applies, stops renewing: its lease runs out during the wait.
        var lapsing = await AddPointAsync(appliedRevision: revision - 1, heartbeatAgo: TimeSpan.FromSeconds(1));
        // Dead before the wait: not an enforcement point at all.
        var dead = await AddPointAsync(appliedRevision: revision - 1, heartbeatAgo: TimeSpan.FromSeconds(30));
        try
        {
            var proof = await app.Service<PropagationWaiter>().WaitAsync(revision);

            // The app's own instance is the second confirmed point.
            proof.EnforcementPoints.ShouldBe(3);
            proof.Confirmed.ShouldBe(2);
            proof.Expired.ShouldBe(1);
            proof.ElapsedMs.ShouldBeGreaterThan(500);   // it waited for the lapsing lease to run out
            proof.IsComplete.ShouldBeTrue();
        }
        finally
        {
            await RemovePointsAsync(done, lapsing, dead);
        }
    }

    [Fact]
    public async Task WaitAsync_ReturnsWhenAPendingPointReportsTheRevision()
    {
        var revision = await CommitAndPropagateAsync();
        var lagging = await AddPointAsync(appliedRevision: revision - 1, heartbeatAgo: TimeSpan.Zero);
        try
        {
            var waiting = app.Service<PropagationWaiter>().WaitAsync(revision);
            await Task.Delay(100);
            waiting.IsCompleted.ShouldBeFalse();

            await ExecuteAsync("UPDATE enforcement_points SET applied_revision = $2 WHERE instance_id = $1", lagging, revision);
            var proof = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

            proof.EnforcementPoints.ShouldBe(2);
            proof.Confirmed.ShouldBe(2);
            proof.Expired.ShouldBe(0);
            proof.ElapsedMs.ShouldBeLessThan(1_000);   // not a lease running out
        }
        finally
        {
            await RemovePointsAsync(lagging);
        }
    }

    [Fact]
    public async Task WaitAsync_CountsAPointThatRemovedItsRowAsExpired()
    {
        var revision = await CommitAndPropagateAsync();
        var stopping = await AddPointAsync(appliedRevision: revision - 1, heartbeatAgo: TimeSpan.Zero);
        try
        {
            var waiting = app.Service<PropagationWaiter>().WaitAsync(revision);
            await Task.Delay(50);

            await RemovePointsAsync(stopping);
            var proof = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

            proof.EnforcementPoints.ShouldBe(2);
            proof.Confirmed.ShouldBe(1);
            proof.Expired.ShouldBe(1);
        }
        finally
        {
            await RemovePointsAsync(stopping);
        }
    }

    /// <summary>A notified change the app has applied; returns its revision.</summary>
    private async Task<long> CommitAndPropagateAsync()
    {
        var revision = await app.World.ChangeAsync(PolicyChange.ForAccounts(Guid.NewGuid()), _ => Task.CompletedTask);
        var proof = await app.Service<PropagationWaiter>().WaitAsync(revision);
        proof.ShouldBe(proof with { Confirmed = 1, EnforcementPoints = 1, Expired = 0 });
        return revision;
    }

    private async Task<string> AddPointAsync(long appliedRevision, TimeSpan heartbeatAgo)
    {
        var id = "fake-" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO enforcement_points (instance_id, host, applied_revision, heartbeat_at, started_at)
            VALUES ($1, 'fake', $2, clock_timestamp() - $3, clock_timestamp() - $3)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = appliedRevision });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = heartbeatAgo });
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task RemovePointsAsync(params string[] ids)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM enforcement_points WHERE instance_id = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
        await command.ExecuteNonQueryAsync();
    }

    private async Task ExecuteAsync(string sql, string id, long value)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        await command.ExecuteNonQueryAsync();
    }
}
