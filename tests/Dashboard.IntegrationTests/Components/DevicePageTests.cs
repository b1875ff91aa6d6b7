using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Devices;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The device page's states, on the real app and database (this class's own: it may change DEMO-CAM-0003).</summary>
public sealed class DevicePageTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Data_ShowsOwnerAccessInWordsAndTheLedgerAsSentences()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var page = Render(ctx, "DEMO-CAM-0002");

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("DEMO-CAM-0002"));
        page.Find("[data-testid=device-owner]").TextContent.Trim().ShouldBe("alice@demo.test");
        var notShown = page.FindAll("[data-testid=effective-access] [data-reason=not_exposed]");
        notShown.ShouldNotBeEmpty();
        notShown[0].TextContent.ShouldContain("Denied: alice@demo.test has not shown this camera to Google Assistant.");
        page.Find("[data-testid=effective-access]").TextContent.ShouldNotContain("not_exposed");
        page.Find("[data-testid=timeline-entry]").TextContent.ShouldContain("claimed it for alice@demo.test.");
    }

    [Fact]
    public async Task UnknownSerial_SaysNotFound()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var page = Render(ctx, "nope-0000");

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Device not found"));
        page.Markup.ShouldContain("No device has the serial “NOPE-0000”.");
    }

    [Fact]
    public async Task CustomerOfAnotherAccount_SeesNotFound_NotTheDevice()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "bob@demo.test");

        var page = Render(ctx, "DEMO-CAM-0001");

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Device not found"));
        page.Markup.ShouldNotContain("alice@demo.test");
    }

    [Fact]
    public async Task ReasonTooLongInTheAddress_IsRefused_NothingShown()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"devices/DEMO-CAM-0001?reason={new string('x', 5000)}");

        var page = Render(ctx, "DEMO-CAM-0001");

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Reason not accepted"));
        page.Markup.ShouldNotContain("alice@demo.test");
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Accès effectif", "Historique de propriété")]
    [InlineData(DashboardCultures.Indonesian, "Akses efektif", "Riwayat kepemilikan")]
    public async Task Headings_ReadInThePersonsLanguage(string culture, string access, string timeline)
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test", culture);

        var page = Render(ctx, "DEMO-CAM-0001");

        page.WaitForAssertion(() => page.Find("#access-heading").TextContent.ShouldBe(access));
        page.Find("#timeline-heading").TextContent.ShouldBe(timeline);
    }

    [Fact]
    public async Task TransferToTheCurrentOwner_IsRefusedInTheConfirmation_WhichKeepsTheReason_AndChangesNothing()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = Render(ctx, "DEMO-CAM-0003");
        page.WaitForAssertion(() => page.Find("[data-testid=transfer]"));
        var version = page.Find("[data-testid=ownership-version]").TextContent;

        page.Find("[data-testid=transfer]").Click();
        dialogs.WaitForElement("[data-testid=reason-dialog-account]").Input("bob@demo.test");
        dialogs.Find("[data-testid=reason-dialog-reason]").Input("sold to bob");
        dialogs.Find("[data-testid=reason-dialog-confirm]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=reason-dialog-refusal]").TextContent.ShouldContain(
            "DEMO-CAM-0003 is already owned by bob@demo.test. A transfer needs another account."), TimeSpan.FromSeconds(15));
        dialogs.Find("[data-testid=reason-dialog-reason]").GetAttribute("value").ShouldBe("sold to bob");
        snackbars.Markup.ShouldNotContain("DEMO-CAM-0003");
        page.WaitForAssertion(() => page.Find("[data-testid=device-owner]").TextContent.Trim().ShouldBe("bob@demo.test"));
        page.Find("[data-testid=ownership-version]").TextContent.ShouldBe(version);
    }

    private static IRenderedComponent<DevicePage> Render(PageTestContext ctx, string serial) =>
        ctx.Render<DevicePage>(p => p.Add(d => d.Serial, serial));
}
