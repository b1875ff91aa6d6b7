using Bunit;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The one server grid: the address holds its page and sort, both ways.</summary>
public sealed class ServerGridTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Render_WithAPageInTheAddressAndASort_LoadsThatPageInThatOrder()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var asked = new List<ServerGridQuery>();

        var grid = Render(ctx, "devices?page=2&sort=-serial", asked, ServerGridSort.Parse("-serial"));

        grid.WaitForAssertion(() => Serials(grid).ShouldBe(["DEMO-CAM-0002", "DEMO-CAM-0001"]));
        asked.ShouldBe([new ServerGridQuery(new PageRequest(2, 2), new ServerGridSort("serial", Descending: true))]);
    }

    [Fact]
    public async Task NextPage_LoadsIt_AndPutsItInTheAddress()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var asked = new List<ServerGridQuery>();
        var grid = Render(ctx, "devices?model=x-unused", asked);
        grid.WaitForAssertion(() => Serials(grid).ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002"]));

        grid.Find("button[aria-label='Next page']").Click();

        grid.WaitForAssertion(() => Serials(grid).ShouldBe(["DEMO-CAM-0003", "DEMO-CAM-0004"]));
        var address = new Uri(ctx.Services.GetRequiredService<NavigationManager>().Uri);
        address.Query.ShouldContain("page=2");
        address.Query.ShouldContain("model=x-unused", customMessage: "the page's own parameters stay in the address");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public async Task Render_WithAPageThatIsNotAPageNumber_ShowsTheFirstPage(string page)
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var asked = new List<ServerGridQuery>();

        var grid = Render(ctx, $"devices?page={page}", asked);

        grid.WaitForAssertion(() => Serials(grid).ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002"]));
        asked[0].Page.Page.ShouldBe(1);
    }

    private IRenderedComponent<ServerGrid<DeviceSummary>> Render(PageTestContext ctx, string address, List<ServerGridQuery> asked, ServerGridSort? sort = null)
    {
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var fleet = app.Services.GetRequiredService<FleetList>();
        return ctx.Render<ServerGrid<DeviceSummary>>(p => p
            .Add(g => g.Label, "Devices")
            .Add(g => g.PageSize, 2)
            .Add(g => g.Sort, sort)
            .Add(g => g.Load, (query, ct) =>
            {
                asked.Add(query);
                return fleet.ListAsync(FleetFilter.None, new FleetSort(FleetSortColumn.Serial, query.Sort?.Descending ?? false), query.Page, ct);
            })
            .Add(g => g.Empty, "Nothing")
            .Add(g => g.Columns, (RenderFragment)(b =>
            {
                b.OpenComponent<PropertyColumn<DeviceSummary, string>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<DeviceSummary, string>.Property),
                    (System.Linq.Expressions.Expression<Func<DeviceSummary, string>>)(d => d.Serial));
                b.CloseComponent();
            })));
    }

    private static List<string> Serials(IRenderedComponent<ServerGrid<DeviceSummary>> grid) =>
        grid.FindAll("tbody tr td").Select(c => c.TextContent.Trim()).ToList();
}
