using System.Globalization;
using Dashboard.Benchmarks.Circuits;
using Dashboard.Core.Auth;
using Microsoft.Playwright;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "circuits": server memory per idle Blazor circuit. The app runs as a child process with its opt-in
/// <c>/diagnostics/memory</c> (heap after a full compacting collection, and the open circuit count). Each run reads
/// the heap with no circuit open, opens N sessions (one browser context each, signed in, idle on a page), waits until
/// the app reports N circuits, reads again, does the same at M, closes every session and reads once more after the
/// app has released them. Per circuit = (heap at N - baseline) / N; slope = (heap at M - heap at N) / (M - N).
/// </summary>
public sealed class CircuitsScenario : IBenchmarkScenario
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(5);
    // A circuit whose browser left without a word is kept for the disconnected-circuit retention period (3 min).
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] Customers = [WellKnownDemoSecrets.AliceEmail, WellKnownDemoSecrets.BobEmail, WellKnownDemoSecrets.CarolEmail];
    private static readonly string[] Admins = [WellKnownDemoSecrets.AdminEmail, WellKnownDemoSecrets.Admin2Email];

    public string Name => "circuits";

    public string Usage =>
        "[--sessions N (30)] [--more M (60)] [--runs R (3)] [--page mix|linked-services|devices|fleet|not-found (mix)] [--devices D (1000)] [--idle S seconds (10)] [--parallel P (4)] [--gcdump FOLDER]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var sessions = (int)args.Long("sessions", 30, min: 1);
        var more = (int)args.Long("more", 60, min: 0);
        var runs = (int)args.Long("runs", 3, min: 1);
        var kind = args.Choice("page", "mix", "mix", "linked-services", "devices", "fleet", "not-found");
        var devices = args.Long("devices", 1000, min: 0);
        var idle = TimeSpan.FromSeconds(args.Long("idle", 10, min: 0));
        var parallel = (int)args.Long("parallel", 4, min: 1);
        var dumpFolder = args.Text("gcdump");
        args.RejectUnknown();
        if (more != 0 && more <= sessions)
        {
            throw new ArgumentException("--more must be above --sessions (or 0 for no slope).");
        }

        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        Console.WriteLine(Invariant($"circuits: {sessions} then {more} idle sessions on '{kind}' pages, {runs} run(s), fleet of {devices:N0} devices"));
        await Machine.PrintAsync(cluster, ct);
        var connectionString = await cluster.CreateDatabaseAsync(ct);
        try
        {
            await using var app = await AppProcess.StartAsync(connectionString, devices, StartTimeout, ct,
                new Dictionary<string, string> { ["Dashboard__Diagnostics__Enabled"] = "true" });
            using var probe = new MemoryProbe(app.BaseAddress);
            await using var browser = await BrowserSessions.LaunchAsync(app.BaseAddress);
            var dumps = dumpFolder is null ? null : new HeapDumps(dumpFolder, app.ProcessId);

            // Warm-up: every page kind opened and closed once, so JIT, Razor and MudBlazor static caches are loaded.
            var warmUp = new List<IBrowserContext>();
            foreach (var page in new[] { "linked-services", "devices", "fleet" }.Select((k, i) => PageOf(k, i)))
            {
                warmUp.Add(await browser.OpenAsync(page));
            }
            await CloseAllAsync(warmUp);
            await probe.WaitForCircuitsAsync(0, ReleaseTimeout, ct);

            var results = new List<RunResult>();
            for (var run = 1; run <= runs; run++)
            {
                Console.WriteLine(Invariant($"  run {run}: load average {ProcessCpu.LoadAverage()}"));
                var result = await MeasureAsync(browser, probe, dumps, run, kind, sessions, more, idle, parallel, ct);
                results.Add(result);
                Print(result, sessions, more);
            }
            Summarize(results, sessions, more);
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString, CancellationToken.None);
        }
        return 0;
    }

    private sealed record RunResult(
        ServerMemory Baseline, ServerMemory AtN, ServerMemory? AtM, ServerMemory Released, TimeSpan ReleaseTime, IReadOnlyDictionary<string, int> Mix);

    private static async Task<RunResult> MeasureAsync(
        BrowserSessions browser, MemoryProbe probe, HeapDumps? dumps, int run, string kind, int sessions, int more, TimeSpan idle,
        int parallel, CancellationToken ct)
    {
        var (baseline, _) = await probe.WaitForCircuitsAsync(0, ReleaseTimeout, ct);
        if (dumps is not null)
        {
            await dumps.WriteAsync($"run{run}-baseline", ct);
        }
        var pages = Enumerable.Range(0, Math.Max(sessions, more)).Select(i => PageOf(kind, i)).ToList();
        var open = new List<IBrowserContext>();

        open.AddRange(await OpenAsync(browser, pages[..sessions], parallel));
        var atN = await SettleAsync(probe, sessions, idle, ct);
        ServerMemory? atM = null;
        if (more > 0)
        {
            open.AddRange(await OpenAsync(browser, pages[sessions..more], parallel));
            atM = await SettleAsync(probe, more, idle, ct);
        }
        if (dumps is not null)
        {
            await dumps.WriteAsync($"run{run}-{(more > 0 ? more : sessions)}-circuits", ct);
        }

        await CloseAllAsync(open);
        var (released, waited) = await probe.WaitForCircuitsAsync(0, ReleaseTimeout, ct);
        var mix = pages[..Math.Max(sessions, more)].GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new RunResult(baseline, atN, atM, released, waited, mix);
    }

    /// <summary>Waits for the app to report the circuits, lets the pages sit idle, then reads the heap.</summary>
    private static async Task<ServerMemory> SettleAsync(MemoryProbe probe, int circuits, TimeSpan idle, CancellationToken ct)
    {
        await probe.WaitForCircuitsAsync(circuits, OpenTimeout, ct);
        await Task.Delay(idle, ct);
        var reading = await probe.ReadAsync(ct);
        return reading.CircuitsOpen == circuits && reading.CircuitsConnected == circuits
            ? reading
            : throw new InvalidOperationException($"{reading.CircuitsOpen} circuits ({reading.CircuitsConnected} connected) after the idle wait, not {circuits}.");
    }

    private static async Task<IBrowserContext[]> OpenAsync(BrowserSessions browser, IReadOnlyList<IdlePage> pages, int parallel)
    {
        using var gate = new SemaphoreSlim(parallel);
        return await Task.WhenAll(pages.Select(async page =>
        {
            await gate.WaitAsync();
            try
            {
                return await browser.OpenAsync(page);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task CloseAllAsync(IEnumerable<IBrowserContext> contexts)
    {
        foreach (var context in contexts)
        {
            await BrowserSessions.CloseAsync(context);
        }
    }

    /// <summary>
    /// Session <paramref name="index"/>'s page. The mix is a third each: a customer on linked services, support on
    /// the fleet list, a vendor admin on the fleet overview (the admin home). "not-found" (a customer on the not-found
    /// page: the layout and a heading) is the floor, what any page's circuit costs before its own content.
    /// </summary>
    private static IdlePage PageOf(string kind, int index)
    {
        var chosen = kind == "mix" ? new[] { "linked-services", "devices", "fleet" }[index % 3] : kind;
        return chosen switch
        {
            "linked-services" => new IdlePage(chosen, Customers[index % Customers.Length], "/linked-services"),
            "devices" => new IdlePage(chosen, WellKnownDemoSecrets.SupportEmail, "/devices"),
            "fleet" => new IdlePage(chosen, Admins[index % Admins.Length], "/fleet"),
            "not-found" => new IdlePage(chosen, Customers[index % Customers.Length], "/not-found"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static double Kib(double bytes) => bytes / 1024;

    private static double Mib(double bytes) => bytes / 1024 / 1024;

    private static void Print(RunResult r, int n, int m)
    {
        Console.WriteLine(Invariant(
            $"    baseline heap {Mib(r.Baseline.HeapBytes):F2} MiB (working set {Mib(r.Baseline.WorkingSetBytes):F0} MiB); mix {string.Join(", ", r.Mix.Select(p => $"{p.Key} {p.Value}"))}"));
        Console.WriteLine(Invariant(
            $"    {n,3} circuits: heap {Mib(r.AtN.HeapBytes):F2} MiB, +{Kib((r.AtN.HeapBytes - r.Baseline.HeapBytes) / (double)n):F0} KiB per circuit; working set +{Mib(r.AtN.WorkingSetBytes - r.Baseline.WorkingSetBytes):F0} MiB"));
        if (r.AtM is { } atM)
        {
            Console.WriteLine(Invariant(
                $"    {m,3} circuits: heap {Mib(atM.HeapBytes):F2} MiB, +{Kib((atM.HeapBytes - r.Baseline.HeapBytes) / (double)m):F0} KiB per circuit; slope {n}->{m} {Kib(Slope(r, n, m)):F0} KiB per circuit; working set +{Mib(atM.WorkingSetBytes - r.Baseline.WorkingSetBytes):F0} MiB"));
        }
        Console.WriteLine(Invariant(
            $"    all closed: released after {r.ReleaseTime.TotalSeconds:F0} s, heap {Mib(r.Released.HeapBytes):F2} MiB ({Kib(r.Released.HeapBytes - r.Baseline.HeapBytes):+0;-0} KiB against the baseline), working set {Mib(r.Released.WorkingSetBytes):F0} MiB"));
    }

    private static double Slope(RunResult r, int n, int m) => (r.AtM!.HeapBytes - r.AtN.HeapBytes) / (double)(m - n);

    private static void Summarize(List<RunResult> results, int n, int m)
    {
        string Line(IEnumerable<double> values) =>
            Invariant($"{Median(values):F0} KiB  ({string.Join(" / ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine(Invariant($"circuits: medians over {results.Count} run(s), KiB = 1024 bytes, goal 400 KiB per idle circuit"));
        Console.WriteLine($"  per circuit at {n,3}:        {Line(results.Select(r => Kib((r.AtN.HeapBytes - r.Baseline.HeapBytes) / (double)n)))}");
        if (m > 0)
        {
            Console.WriteLine($"  per circuit at {m,3}:        {Line(results.Select(r => Kib((r.AtM!.HeapBytes - r.Baseline.HeapBytes) / (double)m)))}");
            Console.WriteLine($"  slope {n}->{m}:             {Line(results.Select(r => Kib(Slope(r, n, m))))}");
            Console.WriteLine($"  working set per circuit at {m}: {Line(results.Select(r => Kib((r.AtM!.WorkingSetBytes - r.Baseline.WorkingSetBytes) / (double)m)))}");
        }
        Console.WriteLine($"  left after closing (total): {Line(results.Select(r => Kib(r.Released.HeapBytes - r.Baseline.HeapBytes)))}");
    }
}
