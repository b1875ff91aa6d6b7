using System.Diagnostics;
using Dashboard.Benchmarks.Fleet;
using Dashboard.Core.KillSwitches;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "fire": time from a fire request to confirmed propagation on two instances, at a small and a large number of links.
/// Measured without the blast radius (the count runs after the commit, in parallel, and grows with the fleet; firing
/// itself must not), and, for comparison, as the API fires: radius counted in parallel, answer after both.
/// </summary>
public sealed class FireScenario : IBenchmarkScenario
{
    private static readonly KillSwitchScope Scope = new() { Integration = "google-assistant", Actions = ["stream"] };

    public string Name => "fire";

    public string Usage =>
        "[--small-devices N (30000)] [--small-links N (10000)] [--devices N (1000000)] [--links N (1000000)] [--fires N (20)]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var smallDevices = args.Long("small-devices", 30_000, min: 100);
        var smallLinks = args.Long("small-links", 10_000, min: 1);
        var devices = args.Long("devices", 1_000_000, min: 1000);
        var links = args.Long("links", 1_000_000, min: 1);
        var fires = (int)args.Long("fires", 20, min: 1);
        args.RejectUnknown();
        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        await Machine.PrintAsync(cluster, ct);
        FireFigures small, large;
        await using (var fleet = await FleetSession.StartAsync(cluster, smallDevices, smallLinks, twoInstances: true, ct))
        {
            small = await MeasureAsync(fleet, fires, ct);
        }
        await using (var fleet = await FleetSession.StartAsync(cluster, devices, links, twoInstances: true, ct))
        {
            large = await MeasureAsync(fleet, fires, ct);
        }
        Print(small, large);
        return 0;
    }

    public sealed record FireFigures(
        FleetCounts Counts, int Fires, IReadOnlyList<double> Bare, IReadOnlyList<double> ApiPropagated, IReadOnlyList<double> Api201, BlastRadius Radius, string Cpu);

    public static async Task<FireFigures> MeasureAsync(FleetSession fleet, int fires, CancellationToken ct)
    {
        Console.WriteLine(Invariant(
            $"fire: {fires} x (fire without radius, lift; fire as the API does, lift) on {fleet.Counts.Links:N0} links, scope google-assistant / stream"));
        var bare = new List<double>();
        var propagated = new List<double>();
        var answered = new List<double>();
        var radius = new BlastRadius(0, 0, 0);
        // One unmeasured round of each first: the first calls in this process compile their code paths.
        await PropagationScenario.LiftAsync(fleet, (await fleet.KillSwitches.FireWithoutRadiusAsync(Scope, "warm-up", null, "bench-admin-1", ct)).Id, ct);
        await PropagationScenario.LiftAsync(fleet, (await fleet.KillSwitches.FireAsync(Scope, "warm-up", null, "bench-admin-1", ct)).Id, ct);
        var cpu = CpuMeter.Start(fleet);
        for (var i = 0; i < fires; i++)
        {
            var quick = await fleet.KillSwitches.FireWithoutRadiusAsync(Scope, "fire benchmark", null, "bench-admin-1", ct);
            Require(quick);
            bare.Add(quick.UntilPropagated.TotalMilliseconds);
            await PropagationScenario.LiftAsync(fleet, quick.Id, ct);

            var started = Stopwatch.GetTimestamp();
            var full = await fleet.KillSwitches.FireAsync(Scope, "fire benchmark", null, "bench-admin-1", ct);
            answered.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Require(full);
            propagated.Add(full.UntilPropagated.TotalMilliseconds);
            radius = full.BlastRadius;
            await PropagationScenario.LiftAsync(fleet, full.Id, ct);
        }
        var figures = new FireFigures(fleet.Counts, fires, bare, propagated, answered, radius, cpu.Stop());
        Console.WriteLine(Invariant(
            $"  without radius: p50 {Percentile(bare, 50):F1} ms, p99 {Percentile(bare, 99):F1} ms; as the API fires: propagated p50 {Percentile(propagated, 50):F1} ms, answered p50 {Percentile(answered, 50):F1} ms (radius {radius.Accounts:N0} accounts, {radius.Devices:N0} devices, {radius.Links:N0} links); CPU s app / PostgreSQL / client {figures.Cpu}"));
        return figures;
    }

    public static void Print(FireFigures small, FireFigures large)
    {
        Console.WriteLine(Row("links", "devices", "fires", "fire to propagated, no radius: p50 ms", "p99 ms",
            "as the API fires: to propagated p50 ms", "to answer p50 ms", "radius (accounts / devices / links)"));
        Console.WriteLine(Row("---", "---", "---", "---", "---", "---", "---", "---"));
        foreach (var f in new[] { small, large })
        {
            Console.WriteLine(Row(Invariant($"{f.Counts.Links:N0}"), Invariant($"{f.Counts.Devices:N0}"), f.Fires,
                Invariant($"{Percentile(f.Bare, 50):F1}"), Invariant($"{Percentile(f.Bare, 99):F1}"),
                Invariant($"{Percentile(f.ApiPropagated, 50):F1}"), Invariant($"{Percentile(f.Api201, 50):F1}"),
                Invariant($"{f.Radius.Accounts:N0} / {f.Radius.Devices:N0} / {f.Radius.Links:N0}")));
        }
        Console.WriteLine(Invariant(
            $"fire: large over small, without radius: **{Percentile(large.Bare, 50) / Percentile(small.Bare, 50):F2}** (p50), {Percentile(large.Bare, 99) / Percentile(small.Bare, 99):F2} (p99); as the API fires, to answer: {Percentile(large.Api201, 50) / Percentile(small.Api201, 50):F2}"));
    }

    private static void Require(FiredKillSwitch fired)
    {
        if (!fired.Propagation.IsComplete || fired.Propagation.EnforcementPoints < 2)
        {
            throw new InvalidOperationException($"Fire {fired.Id} did not propagate to both instances: {fired.Propagation}");
        }
    }
}
