using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Seeding;
using Dashboard.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Seeding;

/// <summary>
/// <c>seed --devices N</c>: adds N generated devices (with their accounts, links, exposures and claimed events)
/// after the ones already there, in one transaction, printing progress and the rate. Exit codes: 0 done,
/// 1 failed (nothing written), 2 bad arguments, 130 interrupted (nothing written).
/// </summary>
public sealed class SeedCommand : IHostCommand
{
    public const int Failed = 1;
    public const int BadArguments = 2;
    public const int Interrupted = 130;

    private readonly long? _devices;
    private readonly string? _error;
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    internal SeedCommand(long? devices, string? error, TextWriter output, TextWriter errors)
    {
        _devices = devices;
        _error = error;
        _out = output;
        _err = errors;
    }

    public static IHostCommand Parse(string[] args) => Parse(args, Console.Out, Console.Error);

    internal static SeedCommand Parse(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var (devices, error) = SeedArguments.Parse(args);
        return new SeedCommand(devices, error, output, errors);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (_devices is not { } devices)
        {
            await _err.WriteLineAsync($"seed: {_error}");
            await _err.WriteLineAsync(SeedArguments.Usage);
            return BadArguments;
        }

        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (!await EnsureSchemaAsync(services, interrupt.Token))
            {
                return Failed;
            }
            await WarnAboutMissingIntegrationsAsync(services, interrupt.Token);
            var loader = services.GetRequiredService<FleetBulkLoader>();
            await _out.WriteLineAsync(Invariant($"Seeding {devices:N0} devices (binary COPY, one transaction)..."));
            var result = await loader.AppendAsync(devices, p => _out.WriteLine(Invariant(
                $"  {p.Devices,12:N0} / {p.Total:N0} devices  {p.Rows,12:N0} rows  {p.Elapsed.TotalSeconds,6:F1} s  {p.DevicesPerSecond,9:N0} devices/s")),
                interrupt.Token);
            await _out.WriteLineAsync(Describe(result));
            return 0;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            await _err.WriteLineAsync("seed: interrupted; the transaction was rolled back, nothing was written.");
            return Interrupted;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            await _err.WriteLineAsync($"seed: failed, nothing was written: {e.Message}");
            return Failed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static string Describe(FleetLoadResult r) => Invariant(
        $"""
        Seeded fleet indexes {r.Range.Start:N0}..{r.Range.End - 1:N0} in {r.Elapsed.TotalSeconds:F1} s: {r.DevicesPerSecond:N0} devices/s.
          inserted: {r.Inserted.Devices:N0} devices, {r.Inserted.Accounts:N0} accounts, {r.Inserted.Links:N0} links, {r.Inserted.Exposures:N0} exposures, {r.Inserted.OwnershipEvents:N0} ownership events
        """);

    /// <summary>Migrates when the host is configured to; otherwise refuses to load into an outdated schema.</summary>
    private async Task<bool> EnsureSchemaAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ApplyMigrationsOnStartup)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            return true;
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            return true;
        }
        await _err.WriteLineAsync(
            $"seed: the database schema is behind ({pending.Count} pending migration(s)); run with Database__ApplyMigrationsOnStartup=true.");
        return false;
    }

    /// <summary>Generated links go to the demo integrations; without them the fleet simply has no links.</summary>
    private async Task WarnAboutMissingIntegrationsAsync(IServiceProvider services, CancellationToken ct)
    {
        var keys = FleetCatalog.Integrations.Select(i => i.Key).ToList();
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(ct);
        var present = await db.Integrations.Where(i => keys.Contains(i.Key)).Select(i => i.Key).ToListAsync(ct);
        var missing = keys.Except(present).ToList();
        if (missing.Count > 0)
        {
            await _out.WriteLineAsync(
                $"Note: no integration {string.Join(", ", missing)} in the database: generated accounts get no links to it.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
