using Dashboard.Benchmarks.Fleet;
using Dashboard.Core.KillSwitches;
using Npgsql;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "propagation": two app instances on one database; decision-changing operations (a kill switch on one camera's
/// streams fired, then its lift requested and approved by a second admin) made through the app's own
/// <see cref="KillSwitchService"/>; each one's propagation proof says how long after its commit both instances had
/// applied it (polled every 3 ms, so the figures are at most that much late).
/// </summary>
public sealed class PropagationScenario : IBenchmarkScenario
{
    public string Name => "propagation";

    public string Usage => "[--devices N (1000000)] [--operations N (200)]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var devices = args.Long("devices", 1_000_000, min: 1000);
        var operations = (int)args.Long("operations", 200, min: 2);
        args.RejectUnknown();
        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        await Machine.PrintAsync(cluster, ct);
        await using var fleet = await FleetSession.StartAsync(cluster, devices, links: null, twoInstances: true, ct);
        await MeasureAsync(fleet, operations, ct);
        return 0;
    }

    public static async Task MeasureAsync(FleetSession fleet, int operations, CancellationToken ct)
    {
        var serial = await AnySerialAsync(fleet.ConnectionString, ct);
        var scope = new KillSwitchScope { Integration = "google-assistant", Actions = ["stream"], Devices = [serial] };
        Console.WriteLine(Invariant($"propagation: {operations} operations (fire, then lift approved), scope google-assistant / stream / {serial}"));
        var fires = new List<double>();
        var lifts = new List<double>();
        var points = new HashSet<int>();
        var expired = 0;
        // One unmeasured round first: the first fire and lift in this process compile their code paths.
        await LiftAsync(fleet, (await fleet.KillSwitches.FireAsync(scope, "propagation benchmark warm-up", null, "bench-admin-1", ct)).Id, ct);
        var load = ProcessCpu.LoadAverage();
        var cpu = CpuMeter.Start(fleet);
        for (var i = 0; i < operations / 2; i++)
        {
            var fired = await fleet.KillSwitches.FireAsync(scope, "propagation benchmark", null, "bench-admin-1", ct);
            fires.Add(fired.Propagation.ElapsedMs);
            points.Add(fired.Propagation.EnforcementPoints);
            expired += fired.Propagation.Expired;
            var lift = await LiftAsync(fleet, fired.Id, ct);
            lifts.Add(lift.ElapsedMs);
            points.Add(lift.EnforcementPoints);
            expired += lift.Expired;
        }
        var all = fires.Concat(lifts).ToList();
        Console.WriteLine(Invariant(
            $"  enforcement points per operation: {string.Join(", ", points)}; expired instead of confirmed: {expired}; load average {load} -> {ProcessCpu.LoadAverage()}; CPU s app / PostgreSQL / client {cpu.Stop()}"));
        Console.WriteLine(Row("operations", "count", "p50 ms", "p99 ms", "max ms"));
        Console.WriteLine(Row("---", "---", "---", "---", "---"));
        Console.WriteLine(Row("fire", fires.Count, Ms(Percentile(fires, 50)), Ms(Percentile(fires, 99)), Ms(fires.Max())));
        Console.WriteLine(Row("lift approved", lifts.Count, Ms(Percentile(lifts, 50)), Ms(Percentile(lifts, 99)), Ms(lifts.Max())));
        Console.WriteLine(Row("**all**", all.Count, Ms(Percentile(all, 50)), Ms(Percentile(all, 99)), Ms(all.Max())));
    }

    /// <summary>Requested by one admin, approved by another; returns the approval's propagation proof.</summary>
    internal static async Task<Core.Access.Propagation.PropagationProof> LiftAsync(FleetSession fleet, Guid id, CancellationToken ct)
    {
        var requested = await fleet.KillSwitches.RequestLiftAsync(id, "benchmark", "bench-admin-1", ct);
        var approved = await fleet.KillSwitches.ApproveLiftAsync(id, "bench-admin-2", ct);
        if (requested.Outcome != LiftOutcome.Done || approved.Propagation is not { } proof)
        {
            throw new InvalidOperationException($"Lifting {id} failed: {requested.Outcome}, {approved.Outcome}");
        }
        return proof;
    }

    private static string Ms(double ms) => Invariant($"{ms:F1}");

    private static async Task<string> AnySerialAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT serial FROM devices WHERE owner_id IS NOT NULL ORDER BY serial LIMIT 1", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
