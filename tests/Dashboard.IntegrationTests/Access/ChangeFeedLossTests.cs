using System.Net;
using Dashboard.Core.Access.Runtime;
using Npgsql;

namespace Dashboard.IntegrationTests.Access;

/// <summary>The change feed's connection is killed under the instance: it must stop answering from memory at once.</summary>
public sealed class ChangeFeedLossTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Check_WhenTheChangeFeedConnectionIsKilled_StopsAnsweringFromCacheThenRecovers()
    {
        var world = app.World;
        var bridge = await world.AddIntegrationAsync();
        var alice = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(alice, bridge);
        using var client = app.BridgeClient(bridge);
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("allowed");
        var feed = app.Service<ChangeFeedState>();
        var pid = feed.BackendPid ?? throw new InvalidOperationException("The feed is not connected.");

        await TerminateAsync(pid);
        // Nothing tells the instance about this change: only answering from the database can see it.
        await world.ChangeWithoutNotifyingAsync(db => world.RemoveExposureAsync(db, camera));

        var took = await Eventually.HoldsAsync(
            async () => (await client.CheckAsync(alice, camera)).Reason == "not_exposed",
            TimeSpan.FromSeconds(5),
            "the instance kept answering from its cache");
        took.ShouldBeLessThan(TimeSpan.FromSeconds(2));   // within the lease, in fact at once

        await app.WaitUntilReadyAsync();
        feed.BackendPid.ShouldNotBe(pid);
        app.AnswersFromMemory.ShouldBeTrue();
        (await client.CheckAsync(alice, camera)).Reason.ShouldBe("not_exposed");
    }

    [Fact]
    public async Task Readyz_WhileTheChangeFeedIsDown_IsNotReady()
    {
        await app.WaitUntilReadyAsync();
        var pid = app.Service<ChangeFeedState>().BackendPid!.Value;
        using var client = app.CreateClient();

        // Keep the feed from coming back while readiness is read: refuse new connections to this database.
        await SetConnectionsAllowedAsync(false);
        try
        {
            await TerminateAsync(pid);
            await Eventually.HoldsAsync(
                async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(2),
                "/readyz stayed ready without a change feed");
        }
        finally
        {
            await SetConnectionsAllowedAsync(true);
        }
        await app.WaitUntilReadyAsync();
    }

    private async Task TerminateAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        (await command.ExecuteScalarAsync()).ShouldBe(true);
    }

    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        await using var connection = new NpgsqlConnection(await Infrastructure.TestPostgres.AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", connection);
        await command.ExecuteNonQueryAsync();
    }
}
