using System.Diagnostics;
using System.Net.Http.Headers;
using Dashboard.Benchmarks.Fleet;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Npgsql;

namespace Dashboard.Benchmarks.Probes;

/// <summary>
/// What a support agent waits for, one request at a time: the device page (<c>GET /devices/{serial}</c>, the
/// server-rendered HTML, signed in), the fleet list page (<c>GET /devices</c>: the HTML with the filter values), its
/// first page of rows (<see cref="FleetList.ListAsync"/>, which the page's grid asks for once the circuit runs,
/// timed in-process), the API's first page of the whole fleet (<c>GET /api/v1/devices</c>, staff token), and the
/// first page of filtered lists (<see cref="FleetFilters"/>: in-process per filter, and through the API in turn), with
/// their totals counted as by default (capped at 10,000, docs/decisions/0041-capped-list-totals.md).
/// </summary>
public static class PageProbe
{
    private const int WarmUp = 3;

    /// <summary>Latency of one kind of request: median and 95th percentile in milliseconds.</summary>
    public sealed record Figure(string Name, double P50Ms, double P95Ms, int Requests);

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(FleetSession fleet, int requests, CancellationToken ct)
    {
        var serials = await SerialsAsync(fleet.ConnectionString, requests + WarmUp, ct);
        using var browser = await StaffBrowser.SignInAsync(
            fleet.A.BaseAddress, WellKnownDemoSecrets.SupportEmail, WellKnownDemoSecrets.Password, ct);
        using var api = new HttpClient { BaseAddress = fleet.A.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WellKnownDemoSecrets.SupportToken);
        var fleetList = new FleetList(new DbContexts(fleet.ConnectionString));

        var next = 0;
        return
        [
            await TimeAsync("device page (HTML)", requests, async () =>
            {
                var serial = serials[next++ % serials.Count];
                var html = await GetHtmlAsync(browser, "/devices/" + Uri.EscapeDataString(serial), ct);
                // The prerender waits for the device; a page without its serial would be a sign-in or error page.
                if (!html.Contains(serial, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The device page of {serial} does not show the serial.");
                }
            }),
            await TimeAsync("fleet list page (HTML)", requests, async () => await GetHtmlAsync(browser, "/devices", ct)),
            await TimeAsync("fleet list first page of rows", requests, async () =>
                await fleetList.ListAsync(FleetFilter.None, FleetSort.BySerial, PageRequest.First(), ct)),
            await TimeAsync("API first page (GET /api/v1/devices)", requests, async () =>
            {
                using var response = await api.GetAsync("/api/v1/devices", ct);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(ct);
            }),
            .. await FilteredAsync(fleet, fleetList, api, requests, ct),
        ];
    }

    private static async Task<IReadOnlyList<Figure>> FilteredAsync(
        FleetSession fleet, FleetList fleetList, HttpClient api, int requests, CancellationToken ct)
    {
        var filters = await FleetFilters.OfAsync(fleet.ConnectionString, ct);
        var figures = new List<Figure>();
        foreach (var (name, filter, _) in filters)
        {
            figures.Add(await TimeAsync($"filtered first page: {name}", requests, async () =>
                await fleetList.ListAsync(filter, FleetSort.BySerial, PageRequest.First(), ct)));
        }
        var next = 0;
        figures.Add(await TimeAsync("API filtered first page, each filter in turn", requests, async () =>
        {
            using var response = await api.GetAsync("/api/v1/devices?" + filters[next++ % filters.Count].Query, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
        }));
        return figures;
    }

    private static async Task<string> GetHtmlAsync(HttpClient browser, string path, CancellationToken ct)
    {
        using var response = await browser.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }
        return await response.Content.ReadAsStringAsync(ct);
    }

    private static async Task<Figure> TimeAsync(string name, int requests, Func<Task> request)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await request();
        }
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await request();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var figure = new Figure(name, Stats.Percentile(times, 50), Stats.Percentile(times, 95), requests);
        Console.WriteLine(Stats.Invariant($"    {name,-38} p50 {figure.P50Ms,8:F1} ms  p95 {figure.P95Ms,8:F1} ms  ({requests} requests)"));
        return figure;
    }

    /// <summary>Serials of generated devices in a fixed shuffled order.</summary>
    private static async Task<List<string>> SerialsAsync(string connectionString, int count, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT serial FROM devices ORDER BY md5(serial) LIMIT $1", connection)
        {
            CommandTimeout = 0,
        };
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var serials = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            serials.Add(reader.GetString(0));
        }
        return serials;
    }
}
