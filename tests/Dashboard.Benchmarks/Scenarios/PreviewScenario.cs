using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Benchmarks.Fleet;
using Dashboard.Core.Auth;
using Dashboard.Core.KillSwitches;
using Npgsql;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "preview": <c>POST /api/v1/kill-switches/preview</c> on instance A for six scopes (four broad ones, one narrowed by
/// model, one by region), first with no switch active, then with three active switches that overlap them partly. The previous statement
/// (<see cref="PreviousBlastRadiusQuery"/>) is timed on the same database in the same run, straight on PostgreSQL,
/// and its counts are compared with the API's.
/// </summary>
public sealed class PreviewScenario : IBenchmarkScenario
{
    /// <param name="models">The fleet's models, most common first: the model-narrowed scope takes the second, so the
    /// active switch on the first does not empty it.</param>
    private static (string Name, KillSwitchScope Scope)[] Scopes(IReadOnlyList<string> models)
    {
        var model = models[Math.Min(1, models.Count - 1)];
        return
        [
            ("google-assistant / stream", new() { Integration = "google-assistant", Actions = ["stream"] }),
            ("assistant / stream", new() { IntegrationKind = "assistant", Actions = ["stream"] }),
            ("all integrations", new() { AllIntegrations = true }),
            ("all integrations / region EU", new() { AllIntegrations = true, Regions = ["EU"] }),
            ($"assistant / model {model}", new() { IntegrationKind = "assistant", Models = [model] }),
            ("google-assistant / stream / region US", new() { Integration = "google-assistant", Actions = ["stream"], Regions = ["US"] }),
        ];
    }

    // The bare scope as a client sends it: only the parts that are set.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public string Name => "preview";

    public string Usage => "[--devices N (1000000)] [--runs R (7)] [--previous-runs R (3)]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var devices = args.Long("devices", 1_000_000, min: 1000);
        var settings = Settings.Read(args);
        args.RejectUnknown();
        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        await Machine.PrintAsync(cluster, ct);
        await using var fleet = await FleetSession.StartAsync(cluster, devices, links: null, twoInstances: false, ct);
        await MeasureAsync(fleet, settings, ct);
        return 0;
    }

    /// <param name="ActiveSwitches">Also measure with three active switches (a second pass over the scopes).</param>
    public sealed record Settings(int Runs, int PreviousRuns, bool ActiveSwitches = true)
    {
        public static Settings Read(BenchmarkArguments args) =>
            new((int)args.Long("runs", 7, min: 1), (int)args.Long("previous-runs", 3, min: 0));
    }

    /// <summary>
    /// One scope's preview through the API: median and 95th percentile wall time and PostgreSQL CPU time per preview;
    /// or, when the API did not answer 2xx, the failure and how long the failing call took (<paramref name="P50Ms"/>).
    /// </summary>
    public sealed record Figure(
        string ActiveSwitches, string Scope, BlastRadius? Radius, double P50Ms, double ServerCpuMs, string? Failure, double P95Ms = double.NaN);

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(FleetSession fleet, Settings settings, CancellationToken ct)
    {
        Console.WriteLine(Invariant(
            $"preview: {fleet.Counts.Devices:N0} devices, {settings.Runs} run(s) per scope through the API, {settings.PreviousRuns} of the previous statement"));
        using var client = new HttpClient { BaseAddress = fleet.A.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WellKnownDemoSecrets.AdminToken);
        Console.WriteLine(Row("active switches", "scope", "accounts / devices / links", "API p50 ms", "API p95 ms", "API min / max ms",
            "PostgreSQL CPU ms", "previous statement p50 ms", "its PostgreSQL CPU ms", "same counts"));
        Console.WriteLine(Row("---", "---", "---", "---", "---", "---", "---", "---", "---", "---"));
        var models = await ModelsAsync(fleet.ConnectionString, ct);
        var scopes = Scopes(models);
        var figures = await PreviewAllAsync(fleet, client, settings, scopes, "none", ct);
        if (!settings.ActiveSwitches)
        {
            return figures;
        }

        // Three switches overlapping the scopes partly: one action of one integration in one region, one model
        // everywhere, and every automation integration.
        KillSwitchScope[] active =
        [
            new() { Integration = "alexa", Actions = ["stream"], Regions = ["EU"] },
            new() { AllIntegrations = true, Models = [models[0]] },
            new() { IntegrationKind = "automation" },
        ];
        var fired = new List<Guid>();
        foreach (var scope in active)
        {
            fired.Add((await fleet.KillSwitches.FireWithoutRadiusAsync(scope, "preview benchmark", null, "bench-admin-1", ct)).Id);
        }
        try
        {
            figures.AddRange(await PreviewAllAsync(fleet, client, settings, scopes, "3", ct));
        }
        finally
        {
            foreach (var id in fired)
            {
                await PropagationScenario.LiftAsync(fleet, id, ct);
            }
        }
        return figures;
    }

    private static async Task<List<Figure>> PreviewAllAsync(
        FleetSession fleet, HttpClient client, Settings settings, IReadOnlyList<(string Name, KillSwitchScope Scope)> scopes,
        string label, CancellationToken ct)
    {
        var figures = new List<Figure>();
        foreach (var (name, scope) in scopes)
        {
            var call = Stopwatch.GetTimestamp();
            try
            {
                figures.Add(await PreviewScopeAsync(fleet, client, settings, label, name, scope, () => call = Stopwatch.GetTimestamp(), ct));
            }
            catch (HttpRequestException e) when (!ct.IsCancellationRequested)
            {
                // A preview the app does not answer (at fleet scale, its statement outlasting the command timeout) is a
                // result to report, not the end of the run.
                var failedAfter = Stopwatch.GetElapsedTime(call).TotalMilliseconds;
                Console.WriteLine(Row(label, name, Invariant($"failed after {failedAfter:F0} ms: {e.Message}"), "-", "-", "-", "-", "-", "-", "-"));
                figures.Add(new Figure(label, name, null, failedAfter, double.NaN, e.Message));
            }
        }
        return figures;
    }

    /// <param name="calling">Called before each request, so a failure can say how long the failing one took.</param>
    private static async Task<Figure> PreviewScopeAsync(
        FleetSession fleet, HttpClient client, Settings settings, string label, string name, KillSwitchScope scope, Action calling,
        CancellationToken ct)
    {
        var times = new List<double>();
        BlastRadius? radius = null;
        calling();
        await PreviewAsync(client, scope, ct); // warm: plan cache, connection
        // PostgreSQL's CPU time per preview (the whole server, so the instances' heartbeats are in it too): on a
        // machine shared with other work it says what a preview costs when wall time cannot.
        var serverCpu = fleet.Cluster.ServerCpuTime();
        for (var run = 0; run < settings.Runs; run++)
        {
            calling();
            var started = Stopwatch.GetTimestamp();
            radius = await PreviewAsync(client, scope, ct);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var cpuPerPreview = (fleet.Cluster.ServerCpuTime() - serverCpu).TotalMilliseconds / settings.Runs;
        var previous = new List<double>();
        BlastRadius? previousRadius = null;
        serverCpu = fleet.Cluster.ServerCpuTime();
        for (var run = 0; run < settings.PreviousRuns; run++)
        {
            var started = Stopwatch.GetTimestamp();
            previousRadius = await PreviousAsync(fleet.ConnectionString, scope, ct);
            previous.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var cpuPerPrevious = settings.PreviousRuns == 0 ? 0 : (fleet.Cluster.ServerCpuTime() - serverCpu).TotalMilliseconds / settings.PreviousRuns;
        Console.WriteLine(Row(label, name,
            Invariant($"{radius!.Accounts:N0} / {radius.Devices:N0} / {radius.Links:N0}"),
            Invariant($"{Median(times):F0}"), Invariant($"**{Percentile(times, 95):F0}**"),
            Invariant($"{times.Min():F0} / {times.Max():F0}"), Invariant($"{cpuPerPreview:F0}"),
            previous.Count == 0 ? "-" : Invariant($"{Median(previous):F0}"),
            previous.Count == 0 ? "-" : Invariant($"{cpuPerPrevious:F0}"),
            previousRadius is null ? "-" : previousRadius == radius ? "yes" : Invariant($"NO: {previousRadius}")));
        return new Figure(label, name, radius, Median(times), cpuPerPreview, null, Percentile(times, 95));
    }

    private static async Task<BlastRadius> PreviewAsync(HttpClient client, KillSwitchScope scope, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/kill-switches/preview", scope, Json, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BlastRadius>(ct))!;
    }

    private static async Task<BlastRadius> PreviousAsync(string connectionString, KillSwitchScope scope, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = PreviousBlastRadiusQuery.Build(connection, KillSwitchScopes.Canonical(scope), excludeSwitchId: null);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new BlastRadius(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<IReadOnlyList<string>> ModelsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT model FROM devices GROUP BY model ORDER BY count(*) DESC, model LIMIT 2", connection);
        var models = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            models.Add(reader.GetString(0));
        }
        return models;
    }
}
