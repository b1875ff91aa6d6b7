using System.Globalization;
using Dashboard.Core.Seeding;
using Dashboard.IntegrationTests.Guarantees;
using Dashboard.Web.Seeding;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Faults;

/// <summary>
/// Issue 6's third fault: restart the app during a large seed, and it resumes or rolls back cleanly, never leaving a
/// half fleet. The app starts in Development with a generated fleet of two chunks (<see cref="Devices"/>), is
/// SIGKILLed at three points of its start-up seed (staging the first chunk, merging it with its accounts already
/// inserted, staging the second chunk with the first already merged), and each time, once the killed app's sessions
/// have ended, the database holds no generated row, no staging table and no audit entry of the seed. A fourth start
/// completes the fleet: exactly <see cref="Devices"/> devices with the generator's accounts and links, no duplicate,
/// and one audit entry.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SeedRestartTests(FaultCluster cluster, ITestOutputHelper output) : IClassFixture<FaultCluster>
{
    /// <summary>One full chunk and an eighth of another, so a kill can land after a chunk was merged.</summary>
    public const long Devices = FleetBulkLoader.ChunkDevices + FleetBulkLoader.ChunkDevices / 8;

    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SessionsGoneTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AppKilledDuringItsFleetSeed_LeavesNoFleetAtAll_NextStartCompletesExactlyTheFleetOnce()
    {
        var expected = Expected();
        var start = 0;
        foreach (var (phase, mergesBefore, what) in new[]
        {
            (SeedPhase.Copy, 0, "staging the first chunk"),
            (SeedPhase.Merge, 1, "merging the first chunk, its accounts inserted"),
            (SeedPhase.Copy, 1, "staging the second chunk, the first merged"),
        })
        {
            var sessions = $"fault-seed-{++start}";
            var app = await StartAsync(sessions, waitUntilReady: false);
            try
            {
                var watcher = new SeedPhaseWatcher(cluster.Database, sessions);
                await watcher.WaitForAsync(phase, mergesBefore, () => !app.HasExited, PhaseTimeout);
                await app.KillAsync();
                output.WriteLine($"start {start}: killed while {what} ({watcher.MergesSeen} merge statement(s) seen)");
            }
            finally
            {
                await app.DisposeAsync();
            }
            var killed = System.Diagnostics.Stopwatch.StartNew();
            await cluster.WaitUntilSessionsGoneAsync(sessions, SessionsGoneTimeout);
            output.WriteLine($"  its sessions ended {killed.ElapsedMilliseconds} ms after the kill");

            var afterKill = await FleetState.ReadAsync(cluster.Database);
            output.WriteLine($"  after the kill: {afterKill}");
            afterKill.ShouldBe(FleetState.Empty, $"killed while {what}: a half fleet or a leftover");
        }

        await using (var completing = await StartAsync($"fault-seed-{++start}", waitUntilReady: true))
        {
            // Ready only once the fleet step completed (see DemoSeedingHostedService).
            var done = await FleetState.ReadAsync(cluster.Database);
            output.WriteLine($"start {start} (not killed): {done}");
            done.ShouldBe(expected);
        }
    }

    private Task<AppInstance> StartAsync(string sessions, bool waitUntilReady) =>
        AppInstance.StartAsync(sessions, cluster.ConnectionString(sessions), new Dictionary<string, string>
        {
            ["Dashboard:DemoFleet:Devices"] = Devices.ToString(CultureInfo.InvariantCulture),
        }, waitUntilReady);

    /// <summary>The whole fleet as the generator makes it (the demo fixture has every integration it links to).</summary>
    private static FleetState Expected()
    {
        var slice = new FleetGenerator(DateTime.UtcNow).Generate(FleetRange.Create(0, Devices));
        return new FleetState(slice.Devices.Count, slice.Devices.Count, slice.Accounts.Count, slice.Links.Count, StagingTables: 0, SeedAuditEntries: 1);
    }
}
