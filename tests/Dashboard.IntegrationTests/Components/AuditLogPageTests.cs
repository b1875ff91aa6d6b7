using Bunit;
using Dashboard.Core.Audit;
using Dashboard.Core.Devices.Ownership;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The audit log as staff read it: words and emails, not codes, JSON and ids; times as exact UTC instants.</summary>
public sealed class AuditLogPageTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Render_FilteredByEntityType_ShowsTheEntryInWordsWithItsUtcTime()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<AuditLogPage>("audit?entity=demo_fixture");

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=audit-count]").TextContent.ShouldBe("1 entry matches.");
            page.Find("[data-testid=audit-grid] tbody tr").TextContent.ShouldContain("Demo data added");
        });
        var row = page.Find("[data-testid=audit-grid] tbody tr");
        row.TextContent.ShouldContain("demo_fixture.seeded");
        row.TextContent.ShouldContain("System");
        row.QuerySelector("time")!.TextContent.ShouldMatch(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC$");
        row.QuerySelector("time")!.GetAttribute("datetime")!.ShouldEndWith("Z");
        row.QuerySelector("dl.audit-data").ShouldNotBeNull().TextContent.ShouldNotContain("{");
    }

    [Fact]
    public async Task Render_ATransfer_NamesTheOwnersByEmailWithALinkToTheAccount()
    {
        var (bob, carol) = await AccountIdsAsync("bob@demo.test", "carol@demo.test");
        var ownership = app.Services.GetRequiredService<OwnershipService>();
        var serial = "DEMO-CAM-0003";
        var owner = await OwnerAsync(serial);
        var result = await ownership.ChangeAsync(
            OwnershipChange.Transfer(serial, owner == carol ? bob : carol, "sold on"), ChangeActor.System);
        result.Outcome.ShouldBe(OwnershipOutcome.Done, result.Problem);
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<AuditLogPage>($"audit?entity=device:{serial}");

        page.WaitForAssertion(() => page.Find("[data-testid=audit-grid] tbody tr").TextContent.ShouldContain("Camera transferred"));
        var data = page.Find("[data-testid=audit-grid] tbody tr dl.audit-data");
        data.TextContent.ShouldContain("sold on");
        data.TextContent.ShouldContain("carol@demo.test");
        data.TextContent.ShouldNotContain(carol.ToString());
        data.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain($"accounts/{carol}");
    }

    [Fact]
    public async Task Render_WithADateTheLogCannotRead_SaysSoAndKeepsWhatWasTyped()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<AuditLogPage>("audit?from=31/12/2026");

        var alert = page.WaitForElement("[data-testid=address-errors]");
        alert.QuerySelector("[data-field=from]")!.TextContent.ShouldContain("start time must be a date");
        page.Find("[data-testid=filter-from]").GetAttribute("value").ShouldBe("31/12/2026");
        page.FindAll("[data-testid=audit-grid]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_WhenNoEntryMatches_SaysWhatToDo()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<AuditLogPage>("audit?actor=nobody@demo.test");

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=server-grid-empty]").TextContent.ShouldContain("Widen the time range");
            page.Find("[data-testid=audit-count]").TextContent.ShouldBe("0 entries match.");
        });
    }

    [Fact]
    public async Task VerifyChain_OnAnIntactLog_SaysSo()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var page = ctx.RenderAt<AuditLogPage>("audit");

        page.Find("[data-testid=verify-chain]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=verify-result]").TextContent.ShouldContain("The chain is intact"),
            TimeSpan.FromSeconds(15));
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Journal d’audit", "1 entrée correspond.", "Données de démonstration ajoutées")]
    [InlineData(DashboardCultures.Indonesian, "Log audit", "1 entri cocok.", "Data demo ditambahkan")]
    public async Task Render_InFrenchAndIndonesian_IsTranslated(string culture, string heading, string count, string action)
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test", culture);

        var page = ctx.RenderAt<AuditLogPage>("audit?entity=demo_fixture", culture);

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=audit-count]").TextContent.ShouldBe(count);
            page.Find("[data-testid=audit-grid] tbody tr").TextContent.ShouldContain(action);
        });
        page.Find("h1").TextContent.ShouldBe(heading);
    }

    private async Task<(Guid, Guid)> AccountIdsAsync(string first, string second)
    {
        await using var db = app.CreateDbContext();
        var ids = await db.Accounts.Where(a => a.Email == first || a.Email == second).ToDictionaryAsync(a => a.Email, a => a.Id);
        return (ids[first], ids[second]);
    }

    private async Task<Guid?> OwnerAsync(string serial)
    {
        await using var db = app.CreateDbContext();
        return await db.Devices.Where(d => d.Serial == serial).Select(d => d.OwnerId).SingleAsync();
    }
}
