using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Home;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The support search page's states: nothing asked yet, results, no results; in each language.</summary>
public sealed class SupportSearchPageTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task NoQuery_SaysWhatToType()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var page = Render(ctx, null);

        page.Find("h1").TextContent.ShouldBe("Search");
        page.Markup.ShouldContain("Look up a device or an account");
        page.FindAll("[data-testid=device-results]").ShouldBeEmpty();
    }

    [Fact]
    public async Task OwnerEmail_FindsHerDevicesAndAccount_CountedInWords()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var page = Render(ctx, "alice@demo.test");

        page.WaitForAssertion(() => page.Find("[data-testid=search-count]").TextContent.ShouldBe("2 devices and 1 account found."));
        page.FindAll("[data-testid=device-results] tbody tr").Count.ShouldBe(2);
        page.Find("[data-testid=account-results]").TextContent.ShouldContain("alice@demo.test");
    }

    [Fact]
    public async Task NothingMatches_SaysSoAndNamesTheQuery()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var page = Render(ctx, "NOPE-0000");

        page.WaitForAssertion(() => page.Markup.ShouldContain("No results for “NOPE-0000”"));
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Recherche", "2 appareils et 1 compte trouvés.")]
    [InlineData(DashboardCultures.Indonesian, "Pencarian", "Ditemukan 2 perangkat dan 1 akun.")]
    public async Task Results_ReadInThePersonsLanguage(string culture, string heading, string count)
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test", culture);

        var page = Render(ctx, "alice@demo.test");

        page.Find("h1").TextContent.ShouldBe(heading);
        page.WaitForAssertion(() => page.Find("[data-testid=search-count]").TextContent.ShouldBe(count));
    }

    [Fact]
    public async Task OneAccountNoDevice_InFrench_BothSingular()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test", DashboardCultures.French);

        var page = Render(ctx, "carol@demo.test");

        page.WaitForAssertion(() => page.Find("[data-testid=search-count]").TextContent.ShouldBe("0 appareil et 1 compte trouvés."));
    }

    private static IRenderedComponent<SupportSearch> Render(PageTestContext ctx, string? query)
    {
        ctx.Render<MudPopoverProvider>();
        if (query is not null)
        {
            ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"search?q={Uri.EscapeDataString(query)}");
        }
        return ctx.Render<SupportSearch>();
    }
}
