using Dashboard.Web.Auth;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Seeding;

/// <summary>
/// Development start-up seeding, after the migrations (hosted services start in registration order). The demo
/// fixture is seeded before the server listens, so a user can sign in as soon as it does; the generated fleet
/// follows in the background. <c>/readyz</c> waits for both through the "demo-seed" step.
/// </summary>
internal sealed partial class DemoSeedingHostedService(
    DemoFixtureSeeder fixture,
    BridgeKeyDirectory bridgeKeys,
    FleetBulkLoader fleet,
    ReadinessGate gate,
    IOptions<DemoFleetOptions> fleetOptions,
    IHostEnvironment environment,
    ILogger<DemoSeedingHostedService> logger) : IHostedService
{
    public const string StepName = "demo-seed";

    // Never disposed: the host may call StopAsync after disposing its services (WebApplicationFactory does), and a
    // token source without timers holds nothing that needs releasing.
    private readonly CancellationTokenSource _stopping = new();
    private Task _fleet = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogDemoCredentialsActive(environment.EnvironmentName);
        var step = gate.Register(StepName);
        try
        {
            var inserted = await fixture.SeedAsync(cancellationToken);
            if (inserted.Total == 0)
            {
                LogFixturePresent();
            }
            else
            {
                LogFixture(inserted.Total, inserted);
                // The directory loaded its keys before the fixture existed: without this, the demo bridge keys
                // would be refused until its next periodic refresh, after /readyz already said ready.
                await bridgeKeys.RefreshAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The app still starts, so /readyz can say what went wrong; it stays unready.
            LogFixtureFailed(e);
            step.Fail("demo fixture: " + e.Message);
            return;
        }
        _fleet = Task.Run(() => SeedFleetAsync(step, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _fleet.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SeedFleetAsync(ReadinessGate.Step step, CancellationToken ct)
    {
        try
        {
            var result = await fleet.EnsureAsync(fleetOptions.Value.Devices, progress: null, ct);
            LogFleet(result.Range.Count, result.Inserted.Devices, result.Inserted.Accounts, result.Elapsed.TotalSeconds);
            step.Complete();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the transaction rolled back; the next start seeds the fleet.
            return;
        }
        catch (Exception e)
        {
            LogFleetFailed(e);
            step.Fail("demo fleet: " + e.Message);
        }
        // The logins work even when the fleet failed: print them either way, last, where they are easy to find.
        await Console.Out.WriteAsync(DemoLogins.Format());
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "DEMO CREDENTIALS ACTIVE: the environment is {Environment}, so the demo logins, staff tokens and bridge keys, "
            + "whose secrets are published, are seeded and let anyone in. Never expose this instance. For production, start "
            + "with ASPNETCORE_ENVIRONMENT=Production (dotnet run --launch-profile Production, or the published app).")]
    private partial void LogDemoCredentialsActive(string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo fixture: inserted {Total} row(s) {Inserted}")]
    private partial void LogFixture(int total, DemoFixtureCounts inserted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo fixture: already present, nothing inserted")]
    private partial void LogFixturePresent();

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo fixture seeding failed; /readyz stays unready")]
    private partial void LogFixtureFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo fleet: {Devices} device(s) wanted, {InsertedDevices} device(s) and {InsertedAccounts} account(s) inserted in {Seconds:F1} s")]
    private partial void LogFleet(long devices, long insertedDevices, long insertedAccounts, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo fleet seeding failed; /readyz stays unready")]
    private partial void LogFleetFailed(Exception e);
}
