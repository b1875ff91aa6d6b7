using System.Net;
using Dashboard.Core.Data;
using Dashboard.Core.Privacy;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dashboard.IntegrationTests.Privacy;

/// <summary>
/// Staff reads of a customer's account and cameras (pages, API, exports) leave access records the customer sees;
/// over the demo app on real PostgreSQL. Each test finds its own records by a reason only it uses.
/// </summary>
public sealed class StaffAccessRecordTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private const string SupportEmail = "support@demo.test";
    private Guid _alice;
    private Guid _bob;

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        _alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        _bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SupportOpeningAlicesPages_IsListedInAlicesRecords_WithSupportsEmail_OncePerPageOpen()
    {
        var reason = Reason();
        using var support = await SignedInAsync(SupportEmail);

        (await support.GetAsync($"/accounts/{_alice}?reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync($"/accounts/{_alice}/links?reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync($"/devices/DEMO-CAM-0002?reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var records = await RecordsAsync(_alice, reason);
        records.Select(r => (r.Kind, r.DeviceSerial)).OrderBy(k => k.Kind).ShouldBe(
        [
            (StaffAccessKind.Account, null),
            (StaffAccessKind.AccountLinks, null),
            (StaffAccessKind.Device, "DEMO-CAM-0002"),
        ]);
        records.ShouldAllBe(r => r.Staff == SupportEmail && r.Channel == StaffAccessChannel.Page);
        (await RecordsAsync(_bob, reason)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApiReads_AreRecordedAboutTheOwner_WithTheReason()
    {
        var reason = Reason();
        using var support = app.CreateClient("dev-support-token");

        foreach (var path in new[]
                 {
                     $"/api/v1/accounts/{_alice}", $"/api/v1/accounts/{_alice}/links", "/api/v1/devices/DEMO-CAM-0001",
                     "/api/v1/devices/demo-cam-0001/history", "/api/v1/devices/DEMO-CAM-0001/owner-at?at=2026-01-01",
                 })
        {
            (await support.GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }

        var records = await RecordsAsync(_alice, reason);
        records.Select(r => r.Kind).Order().ShouldBe(
        [
            StaffAccessKind.Account, StaffAccessKind.AccountLinks, StaffAccessKind.Device,
            StaffAccessKind.DeviceHistory, StaffAccessKind.DeviceOwnerAt,
        ]);
        records.ShouldAllBe(r => r.Staff == SupportEmail && r.Channel == StaffAccessChannel.Api && r.Reason == reason);
        records.Where(r => r.Kind >= StaffAccessKind.Device).ShouldAllBe(r => r.DeviceSerial == "DEMO-CAM-0001");
    }

    [Fact]
    public async Task ReadsThatFindNothingOrAreRefused_WriteNoRecord()
    {
        var reason = Reason();
        using var support = app.CreateClient("dev-support-token");

        (await support.GetAsync($"/api/v1/devices/NOPE-0000?reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await support.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}?reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var tooLong = await support.GetAsync($"/api/v1/devices/DEMO-CAM-0001?reason={reason}{new string('x', StaffAccess.MaxReasonLength)}");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("\"reason\"");
        var twice = await support.GetAsync($"/api/v1/accounts/{_alice}?reason={reason}&reason=other");
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var db = app.CreateDbContext();
        (await db.StaffAccessRecords.CountAsync(r => r.Reason != null && r.Reason.StartsWith(reason))).ShouldBe(0);
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("x")]
    public async Task APageGivenAnUnacceptableReason_SaysSo_AndShowsAndRecordsNothing(string bad)
    {
        var reason = Reason();
        var value = bad == "x" ? reason + new string('x', StaffAccess.MaxReasonLength) : reason + bad;
        using var support = await SignedInAsync(SupportEmail);
        await using var db = app.CreateDbContext();
        var before = await db.StaffAccessRecords.CountAsync();

        using var response = await support.GetAsync($"/devices/DEMO-CAM-0001?reason={value}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("The reason given with the address is refused");
        html.ShouldNotContain("alice@demo.test");
        (await db.StaffAccessRecords.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Exports_AreAllRecordedWithTheirFilter_AndAttributedOnlyWhenTheyNameOneAccount()
    {
        var reason = Reason();
        using var support = app.CreateClient("dev-support-token");

        (await support.GetAsync($"/export/devices.csv?region=EU&reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync($"/export/audit.csv?entity=account:{_alice}&reason={reason}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = app.CreateDbContext();
        var rows = await db.StaffAccessRecords.Where(r => r.Reason == reason).OrderBy(r => r.Id).ToListAsync();
        rows.Select(r => (r.Kind, r.Channel, r.AccountId, r.ExportFilter)).ShouldBe(
        [
            (StaffAccessKind.DevicesExport, StaffAccessChannel.Export, null, "region=EU"),
            (StaffAccessKind.AuditExport, StaffAccessChannel.Export, _alice, $"entity=account%3A{_alice}"),
        ]);
        var staffId = await db.Users.Where(u => u.Email == SupportEmail).Select(u => u.Id).SingleAsync();
        rows.ShouldAllBe(r => r.StaffUserId == staffId);
        (await RecordsAsync(_alice, reason)).Single().Kind.ShouldBe(StaffAccessKind.AuditExport);
    }

    [Fact]
    public async Task CustomersReadingTheirOwnData_IsNotRecorded()
    {
        await using var db = app.CreateDbContext();
        using var alice = await SignedInAsync("alice@demo.test");
        var before = await db.StaffAccessRecords.CountAsync(r => r.AccountId == _alice);

        foreach (var path in new[] { "/cameras", "/linked-services", "/privacy", "/export/my-data.json" })
        {
            (await alice.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }

        (await db.StaffAccessRecords.CountAsync(r => r.AccountId == _alice)).ShouldBe(before);
    }

    [Theory]
    [InlineData("UPDATE staff_access_records SET reason = 'rewritten'")]
    [InlineData("DELETE FROM staff_access_records")]
    [InlineData("TRUNCATE staff_access_records")]
    public async Task Records_AreAppendOnly(string statement)
    {
        using var support = app.CreateClient("dev-support-token");
        (await support.GetAsync($"/api/v1/accounts/{_alice}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.CreateDbContext();
        var count = await db.StaffAccessRecords.CountAsync();

        var refused = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(statement));

        refused.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
        (await db.StaffAccessRecords.CountAsync()).ShouldBe(count);
        (await db.StaffAccessRecords.CountAsync(r => r.Reason == "rewritten")).ShouldBe(0);
    }

    private static string Reason() => "ticket-" + Guid.NewGuid().ToString("N");

    private async Task<IReadOnlyList<StaffAccessView>> RecordsAsync(Guid account, string reason)
    {
        var page = await app.Services.GetRequiredService<StaffAccessLog>().ForAccountAsync(account, PageRequest.First(500));
        return page.Items.Where(r => r.Reason == reason).ToList();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.SignInAsync(client, email, "Demo-pass-1");
        return client;
    }
}
