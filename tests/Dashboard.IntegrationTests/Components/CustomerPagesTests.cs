using Bunit;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Home;
using Dashboard.Web.Components.Pages.Links;
using Dashboard.Web.Components.Pages.Privacy;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The customer's pages (cameras, linked services, their data) on the real app and its demo fixture.</summary>
public sealed class CustomerPagesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MyCameras_ForAlice_ListsHerCamerasWithTheServicesThatSeeThem()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "alice@demo.test")).AsInteractiveApp(app);

        var page = ctx.Render<MyCameras>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=my-cameras] tbody tr").Count.ShouldBe(2));
        page.Markup.ShouldContain("DEMO-CAM-0001");
        page.Markup.ShouldContain("Amazon Alexa, Google Assistant");
        page.Markup.ShouldNotContain("DEMO-CAM-0003");
    }

    [Fact]
    public async Task MyCameras_ForCarol_SaysWhereCamerasComeFrom()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "carol@demo.test")).AsInteractiveApp(app);

        var page = ctx.Render<MyCameras>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("No cameras yet"));
        page.Markup.ShouldContain("Cameras you add to your account in the app appear here.");
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Mes caméras", "Services qui peuvent la voir")]
    [InlineData(DashboardCultures.Indonesian, "Kamera saya", "Layanan yang dapat melihatnya")]
    public async Task MyCameras_InFrenchAndIndonesian_ReadsInThatLanguage(string culture, string heading, string column)
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "alice@demo.test", culture)).AsInteractiveApp(app, culture);

        var page = ctx.Render<MyCameras>();

        page.WaitForAssertion(() => page.Markup.ShouldContain(column));
        page.Find("h1").TextContent.ShouldBe(heading);
    }

    [Fact]
    public async Task LinkedServices_ForAlice_LabelsEachSwitchWithTheCameraAndSaysWhatEachServiceSees()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "alice@demo.test")).AsInteractiveApp(app);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<LinkedServices>();

        page.WaitForAssertion(() => page.FindAll("[data-testid^=linked-service-]").Count.ShouldBe(2));
        var google = page.Find("[data-testid=linked-service-google-assistant]");
        google.TextContent.ShouldContain("DEMO-CAM-0002 (Mi Home Security Camera 360 2K)");
        google.TextContent.ShouldContain("Live video");
        var switches = google.QuerySelectorAll("input[type=checkbox]");
        switches.Length.ShouldBe(2);
        switches[0].HasAttribute("checked").ShouldBeTrue();    // DEMO-CAM-0001 is shared with Google
        switches[1].HasAttribute("checked").ShouldBeFalse();   // DEMO-CAM-0002 is not
        page.Markup.ShouldContain("Google Assistant may see DEMO-CAM-0002");
        page.Find("[data-testid=unlink-alexa]").TextContent.Trim().ShouldBe("Unlink");
    }

    [Fact]
    public async Task LinkedServices_ForCarol_SaysSheHasNoCamerasAndNoActivityYet()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "carol@demo.test")).AsInteractiveApp(app);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<LinkedServices>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("No activity yet"));
        page.WaitForElement("[data-testid=linked-service-ifttt]").TextContent.ShouldContain("No cameras on this account.");
        page.FindAll("input[type=checkbox]").ShouldBeEmpty();
    }

    [Fact]
    public async Task LinkedServices_UnlinkByTheCustomer_ConfirmsWithoutAReasonAndCancelChangesNothing()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "alice@demo.test")).AsInteractiveApp(app);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<LinkedServices>();

        page.WaitForElement("[data-testid=unlink-alexa]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Amazon Alexa can no longer reach any of your cameras"));
        dialogs.FindAll("[data-testid=reason-dialog-reason]").ShouldBeEmpty();
        dialogs.Find("[data-testid=reason-dialog-cancel]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=reason-dialog]").ShouldBeEmpty());
        page.FindAll("[data-testid=linked-service-alexa]").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Services associés", "Google Assistant peut voir DEMO-CAM-0002")]
    [InlineData(DashboardCultures.Indonesian, "Layanan tertaut", "Google Assistant boleh melihat DEMO-CAM-0002")]
    public async Task LinkedServices_InFrenchAndIndonesian_ReadsInThatLanguage(string culture, string heading, string switchLabel)
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "alice@demo.test", culture)).AsInteractiveApp(app, culture);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<LinkedServices>();

        page.WaitForAssertion(() => page.Markup.ShouldContain(switchLabel));
        page.Find("h1").TextContent.ShouldBe(heading);
    }

    [Fact]
    public async Task AccountLinks_ForSupport_AsksForAReasonBeforeRevoking()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        await using var ctx = (await PageTestContext.ForAsync(app, "support@demo.test")).AsInteractiveApp(app);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<AccountLinkManagement>(p => p.Add(x => x.Id, alice));

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Linked services of alice@demo.test"));
        page.WaitForElement("[data-testid=unlink-google-assistant]").Click();
        dialogs.WaitForElement("[data-testid=reason-dialog-confirm]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Give a reason"));
        page.FindAll("[data-testid=linked-service-google-assistant]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task AccountLinks_ForAnUnknownId_SaysNotFound()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "support@demo.test")).AsInteractiveApp(app);

        var page = ctx.Render<AccountLinkManagement>(p => p.Add(x => x.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Account not found"));
        page.FindAll("[data-testid=linked-services-panel]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AccountLinks_ForACustomer_ReadsAsNotFound()
    {
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        await using var ctx = (await PageTestContext.ForAsync(app, "alice@demo.test")).AsInteractiveApp(app);

        var page = ctx.Render<AccountLinkManagement>(p => p.Add(x => x.Id, bob));

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Account not found"));
        page.Markup.ShouldNotContain("bob@demo.test");
    }

    [Theory]
    [InlineData(DashboardCultures.English, "Your data", "Nobody has looked")]
    [InlineData(DashboardCultures.French, "Vos données", "Personne n’a consulté vos données")]
    [InlineData(DashboardCultures.Indonesian, "Data Anda", "Belum ada yang melihat")]
    public async Task Privacy_ForCarol_WithNoStaffReads_SaysSoInHerLanguage(string culture, string heading, string empty)
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "carol@demo.test", culture)).AsInteractiveApp(app, culture);

        var page = ctx.Render<PrivacyPage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain(empty));
        page.Find("h1").TextContent.ShouldBe(heading);
        page.Find("[data-testid=download-my-data]").GetAttribute("href").ShouldBe("export/my-data.json");
    }
}
