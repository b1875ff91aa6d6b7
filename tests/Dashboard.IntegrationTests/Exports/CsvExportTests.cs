using System.Net;
using Dashboard.Core.Audit;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Exports;

/// <summary>What the CSV downloads contain, over the demo app with a staff token.</summary>
public sealed class CsvExportTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string SupportToken = "dev-support-token";

    [Fact]
    public async Task Devices_FilteredByRegion_HasTheHeaderAndOneRowPerMatchingDevice()
    {
        using var client = app.CreateClient(SupportToken);
        await using var db = app.CreateDbContext();
        var bob = await db.Accounts.SingleAsync(a => a.Email == "bob@demo.test");
        var mac = await db.Devices.Where(d => d.Serial == "DEMO-CAM-0003").Select(d => d.Mac).SingleAsync();

        var response = await client.GetAsync("/export/devices.csv?region=US&model=Mi%20Home%20Security%20Camera%20Basic%201080p");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("devices.csv");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var records = CsvReader.Parse(await response.Content.ReadAsStringAsync());
        records.Count.ShouldBe(2);
        records[0].ShouldBe(["serial", "mac", "model", "firmware", "region", "status", "owner_id", "owner_email"]);
        records[1].ShouldBe([
            "DEMO-CAM-0003", Device.FormatMac(mac), "Mi Home Security Camera Basic 1080p", "3.5.1_00.66", "US", "active",
            bob.Id.ToString(), "bob@demo.test"]);
    }

    [Fact]
    public async Task Devices_Unfiltered_ListsEveryDeviceBySerial_AndUnownedWithEmptyOwner()
    {
        using var client = app.CreateClient(SupportToken);

        var records = CsvReader.Parse(await client.GetStringAsync("/export/devices.csv"));

        await using var db = app.CreateDbContext();
        records.Count.ShouldBe(await db.Devices.CountAsync() + 1);
        var serials = records.Skip(1).Select(r => r[0]).ToList();
        serials.ShouldBe(serials.Order(StringComparer.Ordinal).ToList());
        var unowned = records.Single(r => r[0] == "DEMO-CAM-0004");
        unowned[6].ShouldBe("");
        unowned[7].ShouldBe("");
    }

    [Fact]
    public async Task Devices_TextWithCommasQuotesAndFormulaSigns_IsQuotedAndReadsBackIntact()
    {
        var model = "Cam \"Pro\", 2K";
        var firmware = "=1+2";
        await using (var db = app.CreateDbContext())
        {
            db.Devices.Add(new Device
            {
                Id = Guid.NewGuid(), Serial = "CSV-QUOTE-0001", Mac = "0000000000C1", Model = model, Firmware = firmware,
                Region = "EU", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        using var client = app.CreateClient(SupportToken);

        var text = await client.GetStringAsync($"/export/devices.csv?model={Uri.EscapeDataString(model)}");

        text.ShouldContain("\"Cam \"\"Pro\"\", 2K\"");
        var row = CsvReader.Parse(text).Single(r => r[0] == "CSV-QUOTE-0001");
        row[2].ShouldBe(model);
        // A spreadsheet would run "=1+2" as a formula: it is written as text.
        row[3].ShouldBe("'=1+2");
    }

    [Theory]
    [InlineData("status=broken", "status")]
    [InlineData("owned=maybe", "owned")]
    [InlineData("sort=mac", "sort")]
    [InlineData("sort=3", "sort")]
    public async Task Devices_WithBadParameters_Returns400NamingTheField(string parameters, string field)
    {
        using var client = app.CreateClient(SupportToken);

        var response = await client.GetAsync($"/export/devices.csv?{parameters}");

        (await response.ValidationErrorsForAsync(field)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Audit_FilteredByEntity_WritesEachEntryNewestFirst_WithMultiLineReasonsIntact()
    {
        var id = Guid.NewGuid().ToString("N");
        var reasons = new[] { "first, with a comma", "second\r\non two lines, \"quoted\"", "@third" };
        foreach (var reason in reasons)
        {
            await using var db = app.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            await new AuditLog(TimeProvider.System).AppendAsync(db, new AuditRecord("system", "widget.changed", "widget", id, reason, new { n = 1 }));
            await tx.CommitAsync();
        }
        using var client = app.CreateClient(SupportToken);

        var response = await client.GetAsync($"/export/audit.csv?entity=widget&entityId={id}");

        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("audit.csv");
        var records = CsvReader.Parse(await response.Content.ReadAsStringAsync());
        records[0].ShouldBe(["id", "at", "actor", "actor_id", "action", "entity", "entity_id", "reason", "data"]);
        records.Skip(1).Select(r => r[7]).ShouldBe(["'@third", "second\r\non two lines, \"quoted\"", "first, with a comma"]);
        records[1][1].ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$");
        records[1][2].ShouldBe("system");
        records[1][8].ShouldBe("{\"n\":1}");
        long.Parse(records[1][0]).ShouldBeGreaterThan(long.Parse(records[2][0]));
    }

    [Fact]
    public async Task Audit_WithUnparsableTime_Returns400()
    {
        using var client = app.CreateClient(SupportToken);

        var response = await client.GetAsync("/export/audit.csv?from=soon");

        (await response.ValidationErrorsForAsync("from")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Audit_Unfiltered_HasEveryEntry()
    {
        using var client = app.CreateClient(SupportToken);

        var records = CsvReader.Parse(await client.GetStringAsync("/export/audit.csv"));

        await using var db = app.CreateDbContext();
        records.Count.ShouldBe(await db.AuditEntries.CountAsync() + 1);
    }
}
