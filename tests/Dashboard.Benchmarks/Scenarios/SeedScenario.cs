using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Dashboard.Core.Seeding;
using Dashboard.Web.Hosting;
using Dashboard.Web.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "seed": the bulk loader behind <c>seed --devices N</c>, N devices (with their accounts, links, exposures and
/// claimed events) into a fresh database, several times; reports the median rate in devices per second.
/// </summary>
public sealed class SeedScenario : IBenchmarkScenario
{
    public string Name => "seed";

    public string Usage =>
        "[--devices N (1000000)] [--runs R (3)] [--durable: fsync on, as the app's own data] [--checked: keep the row triggers during the merge]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var devices = args.Long("devices", 1_000_000, min: 1);
        var runs = (int)args.Long("runs", 3, min: 1);
        var durable = args.Flag("durable");
        var skipRowTriggers = !args.Flag("checked");
        args.RejectUnknown();

        await using var cluster = await ThrowawayCluster.StartAsync(durable, ct);
        Console.WriteLine(Invariant($"seed: {devices:N0} devices x {runs} run(s), a fresh database each"));
        Console.WriteLine(Invariant(
            $"  machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, PostgreSQL {await cluster.ServerVersionAsync(ct)}"));
        Console.WriteLine(durable
            ? "  cluster: throwaway, durable (fsync and full-page writes on, as for the app's data)"
            : "  cluster: throwaway, ephemeral (fsync, synchronous_commit and full-page writes off, as for tests)");

        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var connectionString = await cluster.CreateDatabaseAsync(ct);
            try
            {
                await AddIntegrationsAsync(connectionString, ct);
                var loader = NewLoader(connectionString, skipRowTriggers);
                var reference = await cluster.ReferenceQueryAsync(ct);
                Console.WriteLine(Invariant(
                    $"  run {run}: load average before {ProcessCpu.LoadAverage()}, reference query (count of 10M generated rows) {reference.TotalSeconds:F2} s"));
                var serverCpu = cluster.ServerCpuTime();
                var clientCpu = Environment.CpuUsage.TotalTime;
                var result = await loader.AppendAsync(devices, p => Console.WriteLine(Invariant(
                    $"    {p.Devices,12:N0} / {p.Total:N0} devices  {p.Rows,12:N0} rows  {p.Elapsed.TotalSeconds,6:F1} s  {p.DevicesPerSecond,9:N0} devices/s")), ct);
                rates.Add(result.DevicesPerSecond);
                var inserted = result.Inserted;
                Console.WriteLine(Invariant(
                    $"  run {run}: {result.Range.Count:N0} devices in {result.Elapsed.TotalSeconds:F2} s = {result.DevicesPerSecond:N0} devices/s"));
                Console.WriteLine(Invariant(
                    $"         with {inserted.Accounts:N0} accounts, {inserted.Links:N0} links, {inserted.Exposures:N0} exposures, {inserted.OwnershipEvents:N0} ownership events"));
                serverCpu = cluster.ServerCpuTime() - serverCpu;
                clientCpu = Environment.CpuUsage.TotalTime - clientCpu;
                Console.WriteLine(Invariant(
                    $"         CPU: PostgreSQL {serverCpu.TotalSeconds:F1} s, loader {clientCpu.TotalSeconds:F1} s (wall {result.Elapsed.TotalSeconds:F1} s), load average after {ProcessCpu.LoadAverage()}"));
                var t = result.Timings;
                Console.WriteLine(Invariant(
                    $"         generate+copy {t.Copy.TotalSeconds:F2} s, merge {t.Merge.TotalSeconds:F2} s (row triggers {(t.RowTriggersSkipped ? "skipped" : "on")}), commit {t.Commit.TotalSeconds:F2} s"));
            }
            finally
            {
                await cluster.DropDatabaseAsync(connectionString, ct);
            }
        }

        var median = Median(rates);
        Console.WriteLine(Invariant(
            $"seed: median {median:N0} devices/s over {runs} run(s): {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}"));
        return 0;
    }

    internal static FleetBulkLoader NewLoader(string connectionString, bool skipRowTriggers) => new(
        new DatabaseEndpoint(connectionString), new DbContexts(connectionString), new AuditLog(TimeProvider.System), new ChangeNotifier(), TimeProvider.System)
    {
        SkipRowTriggers = skipRowTriggers,
    };

    /// <summary>The three demo integrations (no bridge keys): generated links need them.</summary>
    internal static async Task AddIntegrationsAsync(string connectionString, CancellationToken ct)
    {
        await using var db = ThrowawayCluster.CreateDbContext(connectionString);
        foreach (var integration in DemoFixture.Integrations)
        {
            db.Integrations.Add(new Integration
            {
                Id = Guid.CreateVersion7(),
                Key = integration.Key,
                Name = integration.Name,
                Kind = integration.Kind,
                Actions = AccessActions.All,
                CreatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
