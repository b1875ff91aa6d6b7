using Bunit;
using Dashboard.Core.Accounts;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The account page's states and actions, on this class's own database (it locks alice and unlocks her).</summary>
public sealed class AccountPageComponentTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Data_ShowsTheAccountItsDevicesAndLinks()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var page = Render(ctx, await IdOfAsync("alice@demo.test"));

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("alice@demo.test"));
        page.Find("[data-testid=account-status]").TextContent.ShouldContain("active");
        page.FindAll("[data-testid=owned-devices] tbody tr").Count.ShouldBe(2);
        page.FindAll("[data-testid=account-link]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task UnknownId_SaysNotFound()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var page = Render(ctx, Guid.NewGuid());

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Account not found"));
    }

    [Fact]
    public async Task AnotherCustomer_SeesNotFound()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "bob@demo.test");

        var page = Render(ctx, await IdOfAsync("alice@demo.test"));

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Account not found"));
        page.Markup.ShouldNotContain("alice@demo.test");
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Services associés", "Appareils possédés")]
    [InlineData(DashboardCultures.Indonesian, "Layanan tertaut", "Perangkat yang dimiliki")]
    public async Task Headings_ReadInThePersonsLanguage(string culture, string links, string devices)
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test", culture);

        var page = Render(ctx, await IdOfAsync("carol@demo.test"));

        page.WaitForAssertion(() => page.Find("#links-heading").TextContent.ShouldBe(links));
        page.Markup.ShouldContain(devices);
    }

    [Fact]
    public async Task Erase_WhileItOwnsDevices_IsRefusedInWords_NothingErased()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "admin@demo.test");
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudSnackbarProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = Render(ctx, await IdOfAsync("alice@demo.test"));

        page.WaitForElement("[data-testid=erase]").Click();
        dialogs.WaitForElement("[data-testid=reason-dialog-reason]").Input("asked to be forgotten");
        dialogs.Find("[data-testid=reason-dialog-confirm]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=erasure-problem]").TextContent
            .ShouldContain("The account still owns 2 devices: release them first, then erase the account."), TimeSpan.FromSeconds(15));
        page.Find("h1").TextContent.ShouldBe("alice@demo.test");
    }

    [Fact]
    public async Task LockThenUnlock_WithAReasonEachTime()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudSnackbarProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = Render(ctx, await IdOfAsync("carol@demo.test"));

        page.WaitForElement("[data-testid=lock]").Click();
        dialogs.WaitForElement("[data-testid=reason-dialog-reason]").Input("card reported stolen");
        dialogs.Find("[data-testid=reason-dialog-confirm]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=account-status]").TextContent.ShouldContain("locked"), TimeSpan.FromSeconds(15));

        page.Find("[data-testid=unlock]").Click();
        dialogs.WaitForElement("[data-testid=reason-dialog-reason]").Input("identity confirmed");
        dialogs.Find("[data-testid=reason-dialog-confirm]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=account-status]").TextContent.ShouldContain("active"), TimeSpan.FromSeconds(15));
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountOverview>().FindByEmailAsync(email);
        return account.ShouldNotBeNull().Id;
    }

    private static IRenderedComponent<AccountPage> Render(PageTestContext ctx, Guid id) =>
        ctx.Render<AccountPage>(p => p.Add(a => a.Id, id));
}
