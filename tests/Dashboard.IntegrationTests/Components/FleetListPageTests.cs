using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Fleet;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The fleet list over the demo fixture's four cameras: the view is whatever the address says.</summary>
public sealed class FleetListPageTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Render_WithoutFilters_ListsEveryDeviceBySerialAndCountsThem()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<FleetListPage>("devices");

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=fleet-count]").TextContent.ShouldBe("4 devices match.");
            var serials = page.FindAll("[data-testid=fleet-grid] tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
            serials.ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002", "DEMO-CAM-0003", "DEMO-CAM-0004"]);
        });
        page.Find("[data-testid=fleet-grid] tbody tr").TextContent.ShouldContain("alice@demo.test");
    }

    [Fact]
    public async Task Render_WithFiltersAndSortInTheAddress_ShowsThatView()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<FleetListPage>("devices?owned=true&sort=-serial");

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=fleet-count]").TextContent.ShouldBe("3 devices match.");
            page.Find("[data-testid=fleet-grid] tbody tr td").TextContent.Trim().ShouldBe("DEMO-CAM-0003");
        });
        page.Find("a[download]").GetAttribute("href").ShouldBe("/export/devices.csv?owned=true&sort=-serial");
    }

    [Fact]
    public async Task Render_WhenOneDeviceMatches_SaysDeviceInTheSingular()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<FleetListPage>("devices?owned=false");

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=fleet-count]").TextContent.ShouldBe("1 device matches.");
            page.Find("[data-testid=fleet-grid] tbody").TextContent.ShouldContain("No owner");
        });
    }

    [Fact]
    public async Task Render_WhenNothingMatches_SaysWhatToDo()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<FleetListPage>("devices?region=Atlantis");

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=server-grid-empty]").TextContent.ShouldContain("Clear a filter");
            page.Find("[data-testid=fleet-count]").TextContent.ShouldBe("0 devices match.");
        });
    }

    [Fact]
    public async Task Render_WithValuesTheListCannotUse_ExplainsEachAndListsNothing()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<FleetListPage>("devices?status=gone&sort=region");

        var alert = page.WaitForElement("[data-testid=address-errors]");
        alert.QuerySelector("[data-field=status]")!.TextContent.ShouldContain("“active” or “decommissioned”");
        alert.QuerySelector("[data-field=sort]")!.TextContent.ShouldContain("serial, model or firmware");
        page.FindAll("[data-testid=fleet-grid]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Appareils", "4 appareils correspondent.", "1 appareil correspond.")]
    [InlineData(DashboardCultures.Indonesian, "Perangkat", "4 perangkat cocok.", "1 perangkat cocok.")]
    public async Task Render_InFrenchAndIndonesian_IsTranslatedWithTheRightPlural(string culture, string heading, string all, string one)
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test", culture);

        var page = ctx.RenderAt<FleetListPage>("devices", culture);
        page.WaitForAssertion(() => page.Find("[data-testid=fleet-count]").TextContent.ShouldBe(all));
        page.Find("h1").TextContent.ShouldBe(heading);

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("devices?owned=false");
        page.WaitForAssertion(() => page.Find("[data-testid=fleet-count]").TextContent.ShouldBe(one));
    }
}

/// <summary>The fleet list past the count cap: "more than", and every match counted on request.</summary>
public sealed class FleetListCappedCountTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Render_PastTheCap_SaysMoreThan_AndCountsThemAllOnRequest()
    {
        await Devices.CappedFleet.InsertAsync(app.ConnectionString);
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");

        var page = ctx.RenderAt<FleetListPage>("devices?region=CAP");

        page.WaitForAssertion(() => page.Find("[data-testid=fleet-count]").TextContent.ShouldContain("More than 10,000 devices match."));
        page.Find("[data-testid=count-exactly]").GetAttribute("href").ShouldEndWith("devices?region=CAP&exactCount=true");

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("devices?region=CAP&exactCount=true");

        page.WaitForAssertion(() => page.Find("[data-testid=fleet-count]").TextContent.Trim().ShouldBe("10,001 devices match."));
        page.FindAll("[data-testid=count-exactly]").ShouldBeEmpty();
    }
}
