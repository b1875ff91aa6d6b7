using System.Net;
using Dashboard.Core.Access.Runtime;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// PostgreSQL itself stops under two instances that are being asked continuously: within two seconds every check on
/// either instance is a 503 ProblemDetails (never an allow, since nothing can vouch for one), and once PostgreSQL is
/// back both recover by themselves: same processes, no restart.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class PostgresStopTests(OwnClusterInstances cluster, ITestOutputHelper output) : IClassFixture<OwnClusterInstances>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Lease = new AccessOptions().LeaseDuration;

    [Fact]
    public async Task PostgresStopped_EveryCheckIs503WithinTwoSeconds_NeverAllow_ThenRecoversWithoutRestart()
    {
        var instances = cluster.Instances;
        var processes = instances.Both.Select(i => i.ProcessId).ToList();
        var alice = await instances.AccountIdAsync("alice@demo.test");
        var bob = await instances.AccountIdAsync("bob@demo.test");
        CheckProbe google = new("google/alice/DEMO-CAM-0001/stream", "dev-bridge-google-assistant", alice, "DEMO-CAM-0001");
        CheckProbe ifttt = new("ifttt/bob/DEMO-CAM-0003/stream", "dev-bridge-ifttt", bob, "DEMO-CAM-0003");
        await using var run = await GuaranteeRun.StartAsync(instances.Both, [google, ifttt]);

        var stopping = await cluster.StopPostgresAsync();
        var stopped = Moment.Now();
        var deadline = Moment.After(stopping, Deadline);
        await run.KeepCheckingAfterAsync(deadline, minimum: TimeSpan.FromSeconds(1));
        foreach (var instance in instances.Both)
        {
            (await instance.IsReadyAsync()).ShouldBeFalse($"{instance} is ready without a database");
        }

        var starting = Moment.Now();
        await cluster.StartPostgresAsync();
        var recovered = await run.WaitUntilAllAllowAsync(TimeSpan.FromSeconds(30));
        foreach (var instance in instances.Both)
        {
            await instance.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        }
        var samples = await run.StopAfterAsync(recovered);
        output.WriteLine($"stop took {Moment.Milliseconds(stopping, stopped):0} ms; recovery {Moment.Milliseconds(starting, recovered):0} ms after the start began");
        output.WriteLine(samples.Summarize(("stop begun", stopping), ("stopped", stopped), ("deadline", deadline), ("start begun", starting), ("recovered", recovered)));
        foreach (var instance in instances.Both)
        {
            var first503 = samples.On(instance).Where(s => s.SentAt > stopping && s.Status == 503).Min(s => (long?)s.ReceivedAt);
            output.WriteLine($"{instance.Name}: first 503 {(first503 is { } f ? $"{Moment.Milliseconds(stopping, f):0} ms" : "never")} after the stop began");
        }

        var outage = samples.SentAfter(stopping).ReceivedBefore(starting).ToList();
        outage.SentAfter(Moment.After(stopping, Lease)).ShouldNeverAllow(run.Origin, "checks sent a lease after the stop began");
        outage.SentAfter(deadline).ShouldAllBeUnavailable(run.Origin);
        foreach (var instance in instances.Both)
        {
            outage.On(instance).SentAfter(deadline).Count().ShouldBeGreaterThanOrEqualTo(GuaranteeRun.MinimumSamplesAfter, $"{instance} was asked during the outage");
        }
        samples.SentAfter(recovered).ShouldAllBeAllowed(run.Origin);
        instances.Both.Select(i => i.ProcessId).ShouldBe(processes);
        instances.Both.ShouldAllBe(i => !i.HasExited);
    }
}
