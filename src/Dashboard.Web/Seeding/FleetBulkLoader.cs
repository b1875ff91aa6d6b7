using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Observability;
using Dashboard.Core.Seeding;
using Dashboard.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Web.Seeding;

/// <summary>
/// Loads the generated fleet fast and all or nothing: binary COPY into UNLOGGED staging tables, then one
/// <c>INSERT ... SELECT ... ON CONFLICT DO NOTHING</c> per table, chunk by chunk, all in one transaction with one
/// audit entry and one policy revision bump (notified, so every instance flushes its cache). A failure or cancellation at any point leaves no half fleet. Where
/// it is provably safe the merge skips the row-by-row foreign-key triggers (see <see cref="FleetMerge"/>).
/// </summary>
public sealed class FleetBulkLoader(
    DatabaseEndpoint endpoint, IDbContextFactory<DashboardDbContext> contexts, AuditLog audit, ChangeNotifier notifier, TimeProvider clock)
{
    /// <summary>Serializes seeding runs (demo fixture, demo fleet, <c>seed</c>), so two never race for the same rows.</summary>
    internal const long SeedLockKey = 0x5EED_0000_0000_0001;

    /// <summary>Devices per COPY and merge round: bounds memory and the size of each statement, and paces progress.</summary>
    public const int ChunkDevices = 1600 * FleetGenerator.BlockSize;

    /// <summary>Smaller chunks let tests cover several rounds with a small fleet; a multiple of the block size.</summary>
    internal int ChunkSize
    {
        get;
        init
        {
            if (value <= 0 || value % FleetGenerator.BlockSize != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"A chunk is a positive multiple of {FleetGenerator.BlockSize} devices.");
            }
            field = value;
        }
    } = ChunkDevices;

    /// <summary>
    /// Skip row triggers (the foreign-key checks) while merging, when that is safe; see <see cref="FleetMerge"/>.
    /// On by default; off measures the fully checked path.
    /// </summary>
    public bool SkipRowTriggers { get; init; } = true;

    /// <summary>Makes sure fleet indexes [0, <paramref name="devices"/>) exist: the demo fleet of Development.</summary>
    public Task<FleetLoadResult> EnsureAsync(long devices, Action<FleetLoadProgress>? progress = null, CancellationToken ct = default) =>
        LoadAsync(new FleetLoadRequest(devices, AfterLast: false, "Demo fleet seeded at start-up"), progress, ct);

    /// <summary>
    /// Adds <paramref name="devices"/> more devices after the highest fleet index already in the database (found
    /// from the generated device ids, see <see cref="FleetIds"/>): what <c>seed --devices N</c> does.
    /// </summary>
    public Task<FleetLoadResult> AppendAsync(long devices, Action<FleetLoadProgress>? progress = null, CancellationToken ct = default) =>
        LoadAsync(new FleetLoadRequest(devices, AfterLast: true, "seed --devices"), progress, ct);

    /// <param name="beforeCommit">Runs after everything is written and before the commit (tests force failures there).</param>
    internal async Task<FleetLoadResult> LoadAsync(
        FleetLoadRequest request, Action<FleetLoadProgress>? progress, CancellationToken ct,
        Func<CancellationToken, Task>? beforeCommit = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Devices);
        using var activity = DashboardActivities.Start(DashboardActivities.SeedFleet);
        activity?.SetTag("dashboard.seed.devices", request.Devices);
        var started = clock.GetTimestamp();
        var timings = new FleetLoadTimings();
        if (request.Devices == 0)
        {
            return new FleetLoadResult(new FleetRange(0, 0), new FleetCounts(), TimeSpan.Zero, timings);
        }

        // No command timeout: the connection string's is for requests, while a chunk's merge into a large fleet on a
        // busy server can outlast it, and one timed-out chunk would roll the whole load back. Cancel stops a load.
        var unbounded = new NpgsqlConnectionStringBuilder(endpoint.ConnectionString) { CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(unbounded.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);
        // Hash joins of a chunk against accounts and links stay in memory.
        await ExecuteAsync(connection, "SET LOCAL work_mem = '64MB'", ct);
        if (connection.PostgreSqlVersion.Major >= 14)
        {
            // A process killed mid-merge leaves its server session running the statement to its end, holding the seed
            // lock the next start waits for; checking the client's socket every second ends (and rolls back) it sooner.
            await ExecuteAsync(connection, "SET LOCAL client_connection_check_interval = '1s'", ct);
        }

        var start = request.AfterLast ? await NextIndexAsync(connection, ct) : 0;
        var range = FleetRange.Create(start, request.Devices);
        timings.RowTriggersSkipped = SkipRowTriggers && await FleetMerge.CanSkipRowTriggersAsync(connection, ct);

        await ExecuteAsync(connection, FleetStaging.Create, ct);
        var inserted = await LoadChunksAsync(connection, range, new FleetGenerator(clock.GetUtcNow().UtcDateTime), timings,
            (done, rows) => progress?.Invoke(new FleetLoadProgress(done, range.Count, rows, clock.GetElapsedTime(started))), ct);
        await ExecuteAsync(connection, FleetStaging.Drop, ct);

        if (inserted.Any)
        {
            await RecordAsync(connection, transaction, request, range, inserted, ct);
        }
        if (beforeCommit is not null)
        {
            await beforeCommit(ct);
        }
        var commit = clock.GetTimestamp();
        await transaction.CommitAsync(ct);
        timings.Commit = clock.GetElapsedTime(commit);
        return new FleetLoadResult(range, inserted, clock.GetElapsedTime(started), timings);
    }

    /// <summary>Generates, copies and merges the range chunk by chunk; reports devices and rows done after each one.</summary>
    private async Task<FleetCounts> LoadChunksAsync(
        NpgsqlConnection connection, FleetRange range, FleetGenerator generator, FleetLoadTimings timings, Action<long, long> chunkDone,
        CancellationToken ct)
    {
        var inserted = new FleetCounts();
        var chunks = Chunks(range).ToList();
        // The next chunk is generated on another core while PostgreSQL merges this one.
        var next = Task.Run(() => generator.Generate(chunks[0]), ct);
        for (var i = 0; i < chunks.Count; i++)
        {
            var phase = clock.GetTimestamp();
            var slice = await next;
            if (i + 1 < chunks.Count)
            {
                var following = chunks[i + 1];
                next = Task.Run(() => generator.Generate(following), ct);
            }
            if (i > 0)
            {
                await ExecuteAsync(connection, FleetStaging.Truncate, ct);
            }
            await FleetStaging.CopyAsync(connection, slice, ct);
            timings.Copy += clock.GetElapsedTime(phase);

            phase = clock.GetTimestamp();
            inserted.Add(await FleetMerge.MergeAsync(connection, timings.RowTriggersSkipped, ct));
            timings.Merge += clock.GetElapsedTime(phase);
            chunkDone(chunks[i].End - range.Start, inserted.Rows);
        }
        return inserted;
    }

    /// <summary>Chunks aligned to generator blocks, so no household is split between two chunks.</summary>
    private IEnumerable<FleetRange> Chunks(FleetRange range)
    {
        for (var start = range.Start; start < range.End;)
        {
            var end = Math.Min(range.End, (start / ChunkSize + 1) * ChunkSize);
            yield return new FleetRange(start, end - start);
            start = end;
        }
    }

    private static async Task<long> NextIndexAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // The primary-key index answers this at once: generated device ids sort by fleet index.
        await using var command = new NpgsqlCommand(
            "SELECT id FROM devices WHERE id BETWEEN @first AND @last ORDER BY id DESC LIMIT 1", connection);
        var (first, last) = FleetIds.DeviceRange;
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("last", last);
        var found = await command.ExecuteScalarAsync(ct);
        return found is Guid id && FleetIds.DeviceIndex(id) is { } index ? index + 1 : 0;
    }

    private async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, FleetLoadRequest request, FleetRange range,
        FleetCounts inserted, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Database.SetDbConnection(connection);
        await db.Database.UseTransactionAsync(transaction, ct);
        await audit.AppendAsync(db, new AuditRecord(
            AuditLog.System, "fleet.seeded", "fleet", $"{range.Start}..{range.End - 1}", request.Reason,
            new
            {
                firstIndex = range.Start,
                lastIndex = range.End - 1,
                seed = FleetGenerator.Seed.ToString("X16", System.Globalization.CultureInfo.InvariantCulture),
                inserted = new
                {
                    accounts = inserted.Accounts,
                    devices = inserted.Devices,
                    links = inserted.Links,
                    exposures = inserted.Exposures,
                    ownershipEvents = inserted.OwnershipEvents,
                },
            }), ct);
        // Thousands of devices and accounts at once: every instance flushes its cached facts.
        await notifier.BumpAndNotifyAsync(db, PolicyChange.Everything, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <param name="AfterLast">Start after the highest generated index present, instead of at index 0.</param>
/// <param name="Reason">Recorded in the audit entry.</param>
internal sealed record FleetLoadRequest(long Devices, bool AfterLast, string Reason);
