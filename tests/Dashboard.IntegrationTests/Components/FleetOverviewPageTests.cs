using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Home;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The admin's fleet at a glance: figures, charts and the same figures as tables.</summary>
public sealed class FleetOverviewPageTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Render_WithTheDemoFleet_ShowsTotalsChartsAndTheirTables()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "admin@demo.test");

        var page = ctx.RenderAt<FleetOverviewPage>("fleet");

        page.WaitForAssertion(() => page.Find("[data-stat=devices]").TextContent.ShouldBe("4"));
        page.WaitForAssertion(() => page.Find("[data-testid=access-summary]").TextContent.ShouldContain("Last 15 minutes"));
        page.Find("[data-stat=unowned]").TextContent.ShouldBe("1");
        page.Find("[data-stat=owned]").ParentElement!.TextContent.ShouldContain("75% of devices");
        var model = page.Find("[data-breakdown=model]");
        model.QuerySelector("[data-testid=breakdown-chart]")!.GetAttribute("aria-hidden").ShouldBe("true");
        model.QuerySelector("[data-testid=breakdown-chart] svg").ShouldNotBeNull();
        model.QuerySelector("[data-testid=breakdown-table]")!.TextContent.ShouldContain("Mi Home Security Camera Basic 1080p");
        page.Find("[data-breakdown=region] [data-testid=breakdown-table]").TextContent.ShouldContain("EU");
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Vue d’ensemble du parc", "Appareils par modèle", "75 % des appareils")]
    [InlineData(DashboardCultures.Indonesian, "Ikhtisar armada", "Perangkat per model", "75% perangkat")]
    public async Task Render_InFrenchAndIndonesian_IsTranslated(string culture, string heading, string byModel, string share)
    {
        await using var ctx = await PageTestContext.ForAsync(app, "admin@demo.test", culture);

        var page = ctx.RenderAt<FleetOverviewPage>("fleet", culture);

        page.WaitForAssertion(() => page.Find("[data-breakdown=model] h2").TextContent.ShouldBe(byModel));
        page.Find("h1").TextContent.ShouldBe(heading);
        page.Find("[data-stat=owned]").ParentElement!.TextContent.ShouldContain(share);
    }
}

/// <summary>An app whose database has no devices at all.</summary>
public sealed class EmptyFleetApp : DashboardAppFactory
{
    protected override bool SeedDemoData => false;
}

public sealed class FleetOverviewEmptyTests(EmptyFleetApp app) : IClassFixture<EmptyFleetApp>
{
    [Fact]
    public async Task Render_WithNoDevices_SaysHowDevicesArrive()
    {
        await using var ctx = await PageTestContext.ForAsync(app, email: null);

        var page = ctx.RenderAt<FleetOverviewPage>("fleet");

        page.WaitForAssertion(() => page.Markup.ShouldContain("No devices yet"));
        page.Markup.ShouldContain("once they are registered or seeded");
        page.FindAll("[data-stat=devices]").ShouldBeEmpty();
    }
}
