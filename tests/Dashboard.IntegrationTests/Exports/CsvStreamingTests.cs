using System.Net;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.IntegrationTests.Exports;

/// <summary>
/// The device export streams: the first rows reach the client while the database is still sending the rest, so
/// the whole result is never held in memory. Checked from the outside: after reading the first lines (and
/// pausing), the export's query is still running in PostgreSQL. An export that loaded every row before writing
/// would have finished its query before the first byte arrived.
/// </summary>
public sealed class CsvStreamingTests(CsvStreamingTests.LargeFleetAppFactory app) : IClassFixture<CsvStreamingTests.LargeFleetAppFactory>
{
    /// <summary>About 13 MB of CSV: far more than the socket and pipe buffers between PostgreSQL, the app and the client.</summary>
    public const int FleetDevices = 100_000;

    public sealed class LargeFleetAppFactory : DashboardAppFactory
    {
        protected override int DemoFleetDevices => FleetDevices;
    }

    [Fact]
    public async Task DeviceExport_SendsFirstRowsWhileTheQueryIsStillRunning_ThenEveryRow()
    {
        await WaitUntilReadyAsync();
        using var client = app.CreateClient("dev-support-token");

        using var response = await client.GetAsync("/export/devices.csv", HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body);
        (await reader.ReadLineAsync()).ShouldStartWith("serial,mac,");
        var firstRow = await reader.ReadLineAsync();
        firstRow.ShouldNotBeNull();

        // The client has read two lines and stops reading for now: the export must still be reading rows.
        (await ExportStillRunningAsync()).ShouldBeTrue("the export's query had already finished when its first rows arrived");

        var rows = 1;
        while (await reader.ReadLineAsync() is { } line)
        {
            line.ShouldNotBeEmpty();
            rows++;
        }
        rows.ShouldBe(FleetDevices + 4);
        (await ExportStillRunningAsync()).ShouldBeFalse();
    }

    /// <summary>Polls pg_stat_activity for a while: the query is active, or blocked writing to its client.</summary>
    private async Task<bool> ExportStillRunningAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE @marker AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("marker", FleetList.ExportMarker.Trim() + "%");
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = app.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the app did not become ready");
            await Task.Delay(200);
        }
        await using var db = app.CreateDbContext();
        (await db.Devices.CountAsync()).ShouldBe(FleetDevices + 4);
    }
}
