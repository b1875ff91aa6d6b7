using Bunit;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Admin;
using Dashboard.Web.Components.Pages.Admin.Integrations;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The vendor admin's token and integration catalog pages and their dialogs, on the real app.</summary>
public sealed class AdminCatalogPagesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ApiTokens_IssueWithoutUserOrName_SaysWhatIsMissingAndIssuesNothing()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "admin@demo.test")).AsInteractiveApp(app);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        await using var db = app.CreateDbContext();
        var before = await db.ApiTokens.CountAsync();
        var page = ctx.Render<ApiTokens>();

        page.WaitForElement("[data-testid=issue-token]").Click();
        dialogs.WaitForElement("[data-testid=token-issue-submit]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Choose the user the token acts as."));
        dialogs.Markup.ShouldContain("Give the token a name.");
        (await db.ApiTokens.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ApiTokens_Revoke_ConfirmsWithoutAReasonAndCancelKeepsTheToken()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "admin@demo.test")).AsInteractiveApp(app);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<ApiTokens>();

        page.WaitForElement("[data-testid=revoke-token]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("This cannot be undone."));
        dialogs.FindAll("[data-testid=reason-dialog-reason]").ShouldBeEmpty();
        dialogs.Find("[data-testid=reason-dialog-cancel]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=reason-dialog]").ShouldBeEmpty());
        page.FindAll("[data-testid=revoke-token]").Count.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Jetons d’API du personnel")]
    [InlineData(DashboardCultures.Indonesian, "Token API staf")]
    public async Task ApiTokens_InFrenchAndIndonesian_ReadsInThatLanguage(string culture, string heading)
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "admin@demo.test", culture)).AsInteractiveApp(app, culture);

        var page = ctx.Render<ApiTokens>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=token-grid]").Count.ShouldBe(1));
        page.Find("h1").TextContent.ShouldBe(heading);
    }

    [Fact]
    public async Task Catalog_AddWithATakenKey_KeepsTheFormAndNamesTheKeyAndAddsNothing()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "admin@demo.test")).AsInteractiveApp(app);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        await using var db = app.CreateDbContext();
        var before = await db.Integrations.CountAsync();
        var page = ctx.Render<IntegrationCatalogPage>();

        page.WaitForElement("[data-testid=add-integration]").Click();
        dialogs.WaitForElement("[data-testid=integration-key]").Change("alexa");
        dialogs.Find("[data-testid=integration-name]").Change("Second Alexa");
        dialogs.Find("[data-testid=integration-save]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("a key no other integration has"));
        dialogs.Find("[data-testid=integration-name]").GetAttribute("value").ShouldBe("Second Alexa");
        (await db.Integrations.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Catalog_SaveWithoutKeyNameOrAction_SaysWhatIsMissing()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "admin@demo.test")).AsInteractiveApp(app);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<IntegrationCatalogPage>();

        page.WaitForElement("[data-testid=add-integration]").Click();
        foreach (var action in new[] { "stream", "snapshot", "events", "control" })
        {
            dialogs.WaitForElement($"[data-testid=integration-action-{action}]").Change(false);
        }
        dialogs.Find("[data-testid=integration-save]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Give the integration a key."));
        dialogs.Markup.ShouldContain("Give the integration a name.");
        dialogs.Markup.ShouldContain("Choose at least one action.");
    }

    [Fact]
    public async Task Catalog_IssueBridgeKey_ShowsTheSecretOnceWithACopyButton()
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "admin@demo.test")).AsInteractiveApp(app);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<IntegrationCatalogPage>();

        page.WaitForElement("[data-testid=keys-ifttt]").Click();
        dialogs.WaitForElement("[data-testid=issue-bridge-key]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("you will not see it again"));
        dialogs.Find("[data-testid=bridge-key-secret]").GetAttribute("value").ShouldStartWith("fdb");
        dialogs.FindAll("[data-testid=bridge-key-secret-copy]").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Catalogue des intégrations", "Assistant vocal")]
    [InlineData(DashboardCultures.Indonesian, "Katalog integrasi", "Asisten suara")]
    public async Task Catalog_InFrenchAndIndonesian_ReadsInThatLanguage(string culture, string heading, string kind)
    {
        await using var ctx = (await PageTestContext.ForAsync(app, "admin@demo.test", culture)).AsInteractiveApp(app, culture);

        var page = ctx.Render<IntegrationCatalogPage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain(kind));
        page.Find("h1").TextContent.ShouldBe(heading);
    }
}
