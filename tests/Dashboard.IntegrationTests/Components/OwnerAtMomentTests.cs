using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Devices;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>"Who owned it at that moment?": dates read in the person's format or refused with it, never the future.</summary>
public sealed class OwnerAtMomentTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task NoDate_AsksForOne()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");
        var form = Render(ctx);

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Find("[data-testid=owner-at-result]").TextContent.Trim().ShouldBe("Choose a date first."));
    }

    [Fact]
    public async Task DayFirstDate_InEnglish_IsRefusedWithTheFormat()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");
        var form = Render(ctx);

        form.Find("input[data-testid=owner-at-date], [data-testid=owner-at-date] input").Change("31/12/2025");
        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Find("[data-testid=owner-at-result]").TextContent
            .ShouldContain("“31/12/2025” is not a date in the format M/d/yyyy"));
    }

    [Fact]
    public async Task DayFirstDate_InFrench_IsRead()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test", DashboardCultures.French);
        var form = Render(ctx);

        form.Find("input[data-testid=owner-at-date], [data-testid=owner-at-date] input").Change("31/12/2025");
        form.Find("form").Submit();

        // Before the fixture's claim (120 days before seeding): nobody owned it then, and the answer says so.
        form.WaitForAssertion(() => form.Find("[data-testid=owner-at-result]").TextContent
            .ShouldContain("l’appareil n’avait pas de propriétaire"));
    }

    private static IRenderedComponent<OwnerAtMoment> Render(PageTestContext ctx)
    {
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<OwnerAtMoment>(p => p.Add(o => o.Serial, "DEMO-CAM-0001"));
    }
}
