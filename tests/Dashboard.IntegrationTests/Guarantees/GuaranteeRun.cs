using System.Diagnostics;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// A guarantee scenario in progress: clients keep checking every probe on every instance while the test makes
/// changes, each change marked by the moment its success response had arrived (<see cref="ChangeAsync"/>). When
/// stopped, every sample is judged by when its request was <em>sent</em> relative to those moments: a request sent
/// before a change returned may legitimately see the old state; one sent after must not.
/// </summary>
/// <example>
/// <code>
/// await using var run = await GuaranteeRun.StartAsync(instances.Both, [stream, snapshot]);
/// var fired = await run.ChangeAsync(() => FireAsync(...));
/// var samples = await run.StopAfterAsync(fired);
/// samples.Of(stream).SentAfter(fired).ShouldAllBeDenied("kill_switch", run.Origin);
/// </code>
/// </example>
public sealed class GuaranteeRun : IAsyncDisposable
{
    /// <summary>Answers each (instance, probe) must give after the last change, so no assertion passes on nothing.</summary>
    public const int MinimumSamplesAfter = 5;

    /// <summary>
    /// How long checking goes on after a change at least: two heartbeats, so an instance that missed the change and
    /// caught up only by its heartbeat would be seen allowing in between.
    /// </summary>
    public static readonly TimeSpan MinimumCheckingAfter = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SamplingTimeout = TimeSpan.FromSeconds(15);

    private readonly ContinuousCheckers _checkers;

    private GuaranteeRun(IReadOnlyList<AppInstance> instances, IReadOnlyList<CheckProbe> probes, ContinuousCheckers checkers, long origin)
    {
        Instances = instances;
        Probes = probes;
        _checkers = checkers;
        Origin = origin;
        WarmedUp = Moment.Now();
    }

    public IReadOnlyList<AppInstance> Instances { get; }

    public IReadOnlyList<CheckProbe> Probes { get; }

    /// <summary>When the run started: failure messages give times relative to it.</summary>
    public long Origin { get; }

    /// <summary>
    /// When every probe had answered as expected on every instance. Answers to requests sent before may be anything
    /// (an instance learns a new bridge key within a couple of seconds); judge those sent after.
    /// </summary>
    public long WarmedUp { get; }

    /// <summary>
    /// Starts the clients and waits until every probe has been allowed on every instance (so each instance holds
    /// the allowing answer in its cache, the state a stale cache would keep serving), or denied for those in
    /// <paramref name="deniedAtStart"/> (for changes that allow).
    /// </summary>
    public static async Task<GuaranteeRun> StartAsync(
        IReadOnlyList<AppInstance> instances, IReadOnlyList<CheckProbe> probes,
        IReadOnlyCollection<CheckProbe>? deniedAtStart = null, int clientsPerProbe = 1)
    {
        var origin = Moment.Now();
        var checkers = ContinuousCheckers.Start(instances, probes, clientsPerProbe);
        try
        {
            await checkers.WaitUntilAnsweredAsync(instances, probes, deniedAtStart ?? [], WarmUpTimeout);
        }
        catch
        {
            await checkers.DisposeAsync();
            throw;
        }
        return new GuaranteeRun(instances, probes, checkers, origin);
    }

    /// <summary>
    /// Makes a change through <paramref name="change"/> (which must return only once its success response has
    /// arrived, and throw otherwise) and returns that moment.
    /// </summary>
    public async Task<long> ChangeAsync(Func<Task> change)
    {
        await change();
        return Moment.Now();
    }

    /// <summary>
    /// Keeps checking until every (instance, probe) has answered <paramref name="samples"/> requests sent after
    /// <paramref name="moment"/>, and for at least <paramref name="minimum"/> after it.
    /// </summary>
    public async Task KeepCheckingAfterAsync(long moment, int samples = MinimumSamplesAfter, TimeSpan? minimum = null)
    {
        var deadline = Stopwatch.StartNew();
        var until = Moment.After(moment, minimum ?? TimeSpan.Zero);
        while (true)
        {
            var all = _checkers.Samples;
            var lacking = Instances
                .SelectMany(i => Probes.Select(p => (i, p)))
                .Where(w => all.Count(s => s.Instance == w.i && s.Probe == w.p && s.SentAt > moment) < samples)
                .ToList();
            if (lacking.Count == 0 && Moment.Now() >= until)
            {
                return;
            }
            if (deadline.Elapsed > SamplingTimeout)
            {
                throw new TimeoutException(
                    $"Fewer than {samples} answers after the change within {SamplingTimeout} for: {string.Join(", ", lacking.Select(w => $"{w.i.Name} {w.p.Name}"))}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until every (instance, probe) allows a request sent after this call (recovery); returns when they all had.</summary>
    public async Task<long> WaitUntilAllAllowAsync(TimeSpan timeout)
    {
        await _checkers.WaitUntilAnsweredAsync(Instances, Probes, [], timeout);
        return Moment.Now();
    }

    /// <summary>Every answer so far (the clients keep running).</summary>
    public IReadOnlyList<CheckSample> Samples => _checkers.Samples;

    /// <summary>
    /// Keeps checking after <paramref name="moment"/> (at least <see cref="MinimumCheckingAfter"/>, see
    /// <see cref="KeepCheckingAfterAsync"/>), then stops and returns every answer.
    /// </summary>
    public async Task<IReadOnlyList<CheckSample>> StopAfterAsync(long moment)
    {
        await KeepCheckingAfterAsync(moment, minimum: MinimumCheckingAfter);
        return await _checkers.StopAsync();
    }

    public ValueTask DisposeAsync() => _checkers.DisposeAsync();
}

/// <summary>Selecting and judging samples; failures list the offending answers with their times.</summary>
public static class CheckSamples
{
    public static IEnumerable<CheckSample> Of(this IEnumerable<CheckSample> samples, params CheckProbe[] probes) =>
        samples.Where(s => probes.Contains(s.Probe));

    public static IEnumerable<CheckSample> On(this IEnumerable<CheckSample> samples, AppInstance instance) =>
        samples.Where(s => s.Instance == instance);

    /// <summary>Requests sent strictly after <paramref name="moment"/> (so after a success response had arrived).</summary>
    public static IEnumerable<CheckSample> SentAfter(this IEnumerable<CheckSample> samples, long moment) =>
        samples.Where(s => s.SentAt > moment);

    /// <summary>Exchanges wholly before <paramref name="moment"/>: answered before it.</summary>
    public static IEnumerable<CheckSample> ReceivedBefore(this IEnumerable<CheckSample> samples, long moment) =>
        samples.Where(s => s.ReceivedAt < moment);

    /// <summary>The guarantee itself: not one answer is <c>allow</c>.</summary>
    public static void ShouldNeverAllow(this IEnumerable<CheckSample> samples, long origin, string what)
    {
        var allows = samples.Where(s => s.IsAllow).ToList();
        Fail(allows, $"{what}: {allows.Count} allow(s)", origin);
    }

    /// <summary>Every answer is a 200 <c>deny</c> with <paramref name="reason"/> (and there are some).</summary>
    public static void ShouldAllBeDenied(this IEnumerable<CheckSample> samples, string reason, long origin)
    {
        var list = samples.ToList();
        list.ShouldNotBeEmpty("no answers to judge");
        var wrong = list.Where(s => s.Status != 200 || s.Decision != "deny" || s.Reason != reason).ToList();
        Fail(wrong, $"{wrong.Count} of {list.Count} answers were not deny/{reason}", origin);
    }

    /// <summary>Every answer is a 200 <c>allow</c> (and there are some).</summary>
    public static void ShouldAllBeAllowed(this IEnumerable<CheckSample> samples, long origin)
    {
        var list = samples.ToList();
        list.ShouldNotBeEmpty("no answers to judge");
        var wrong = list.Where(s => !s.IsAllow).ToList();
        Fail(wrong, $"{wrong.Count} of {list.Count} answers were not allow", origin);
    }

    /// <summary>Every answer is a 503 ProblemDetails (and there are some).</summary>
    public static void ShouldAllBeUnavailable(this IEnumerable<CheckSample> samples, long origin)
    {
        var list = samples.ToList();
        list.ShouldNotBeEmpty("no answers to judge");
        var wrong = list.Where(s => s.Status != 503 || s.ContentType != "application/problem+json").ToList();
        Fail(wrong, $"{wrong.Count} of {list.Count} answers were not 503 ProblemDetails", origin);
    }

    /// <summary>
    /// A line per (instance, probe, window between consecutive <paramref name="marks"/>): how many answers, and which
    /// (status, decision/reason, revision) they were. For the test output, so a run's figures can be read.
    /// </summary>
    public static string Summarize(this IEnumerable<CheckSample> samples, params (string Name, long At)[] marks)
    {
        var lines = new List<string>();
        var bounds = marks.OrderBy(m => m.At).ToList();
        foreach (var group in samples.GroupBy(s => (s.Instance.Name, s.Probe.Name)).OrderBy(g => g.Key))
        {
            for (var i = -1; i < bounds.Count; i++)
            {
                var from = i < 0 ? long.MinValue : bounds[i].At;
                var to = i + 1 < bounds.Count ? bounds[i + 1].At : long.MaxValue;
                var inWindow = group.Where(s => s.SentAt > from && s.SentAt <= to).ToList();
                var kinds = inWindow
                    .GroupBy(s => s.Status == 200 ? $"{s.Decision}/{s.Reason} r{s.Revision}" : s.Status == 0 ? "no response" : s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Select(k => $"{k.Key} x{k.Count()}");
                lines.Add($"{group.Key.Item1} {group.Key.Item2} sent {(i < 0 ? "at start" : "after " + bounds[i].Name)}: {inWindow.Count} [{string.Join(", ", kinds)}]");
            }
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Fails with the first offending answers, times relative to <paramref name="origin"/>, if there are any.</summary>
    private static void Fail(List<CheckSample> offending, string headline, long origin)
    {
        if (offending.Count > 0)
        {
            throw new ShouldAssertException(
                headline + Environment.NewLine + string.Join(Environment.NewLine, offending.Take(20).Select(s => "  " + s.Describe(origin))));
        }
    }
}
