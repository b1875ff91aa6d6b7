using System.Globalization;
using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Pages.Integrations;
using Dashboard.Web.Components.Pages.KillSwitches;
using Dashboard.Web.Components.Pages.Signals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>
/// The kill switch builder and list, the integrations board and the signal page, rendered on the real app's services
/// and database (no switch fired, no not_owner decision): their data, empty, validation and forbidden states, and
/// their headings in French and Indonesian.
/// </summary>
public sealed class KillSwitchPagesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string Admin = "admin@demo.test";

    [Fact]
    public async Task Builder_PreFilled_CountsTheBlastRadiusInWords()
    {
        await using var ctx = await ContextAsync(Admin);
        RenderProviders(ctx);

        var cut = RenderBuilder(ctx);

        cut.WaitForAssertion(() => cut.Find("[data-testid=blast-radius]").GetAttribute("data-state").ShouldBe("ready"),
            TimeSpan.FromSeconds(20));
        cut.Find("[data-testid=radius-scope]").TextContent.ShouldBe("Integration google-assistant · every action on every device");
        cut.Find("[data-testid=blast-radius]").TextContent.ShouldContain("Would cut off");
    }

    [Fact]
    public async Task Builder_ReviewedWithoutReason_SaysWhatToFixAndOpensNoConfirmation()
    {
        await using var ctx = await ContextAsync(Admin);
        var dialogs = RenderProviders(ctx);
        var cut = RenderBuilder(ctx);
        cut.WaitForElement("[data-testid=review-fire]");

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => cut.Find("[data-testid=fire-problem]").TextContent.ShouldContain("Nothing was fired: fix the fields marked above."));
        cut.Markup.ShouldContain("Required.");
        dialogs.FindAll("[data-testid=fire-confirm]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Builder_ForSupport_CountsNothing()
    {
        await using var ctx = await ContextAsync("support@demo.test");
        RenderProviders(ctx);

        var cut = RenderBuilder(ctx);

        cut.WaitForAssertion(() => cut.Find("[data-testid=blast-radius]").TextContent.ShouldContain("Only a vendor admin may count a blast radius."),
            TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData(DashboardCultures.French, "Nouveau coupe-circuit", "Intégration google-assistant · toutes les actions sur tous les appareils")]
    [InlineData(DashboardCultures.Indonesian, "Sakelar pemutus baru", "Integrasi google-assistant · semua tindakan di semua perangkat")]
    public async Task Builder_InFrenchAndIndonesian_SaysTheScopeInThatLanguage(string culture, string heading, string words)
    {
        await using var ctx = await ContextAsync(Admin, culture);
        RenderProviders(ctx, culture);

        var cut = RenderBuilder(ctx);

        cut.Find("h1").TextContent.ShouldBe(heading);
        cut.WaitForAssertion(() => cut.Find("[data-testid=radius-scope]").TextContent.ShouldBe(words), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task List_WithNoSwitch_SaysSoInEachSection()
    {
        await using var ctx = await ContextAsync(Admin);
        RenderProviders(ctx);

        var cut = ctx.Render<KillSwitchList>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=no-pending]").TextContent.ShouldBe("No lift is waiting for approval."));
        cut.Find("[data-testid=no-active]").TextContent.ShouldContain("No active kill switch.");
        cut.WaitForAssertion(() => cut.Find("[data-testid=lifted-switches]").TextContent.ShouldContain("No kill switch has been lifted yet."));
    }

    [Fact]
    public async Task Board_ShowsEveryIntegrationWithNoSwitch_AndABuildLinkNamingIt()
    {
        await using var ctx = await ContextAsync(Admin);
        RenderProviders(ctx);

        var cut = ctx.Render<IntegrationsBoard>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=integration]").Count.ShouldBeGreaterThanOrEqualTo(3));
        var google = cut.Find("[data-testid=integration][data-key=google-assistant]");
        google.QuerySelector("[data-testid=switch-count]")!.TextContent.Trim().ShouldBe("No kill switch");
        var build = google.QuerySelector("[data-testid=build-kill-switch]")!;
        build.GetAttribute("href").ShouldBe("admin/kill-switches/new?integration=google-assistant");
        build.GetAttribute("aria-label")!.ShouldStartWith(build.TextContent.Trim());
    }

    [Fact]
    public async Task Signals_WithNoNotOwnerDecision_SaysThereIsNoSignal()
    {
        await using var ctx = await ContextAsync("support@demo.test");
        RenderProviders(ctx);

        var cut = ctx.Render<SignalsPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=no-signal]").TextContent.ShouldStartWith("No integration reached the threshold"));
        cut.Find("[data-testid=no-decisions]").TextContent.ShouldContain("No not_owner decisions.");
    }

    /// <remarks>
    /// bUnit's placeholder authorization service stands in front of the app's; the builder asks
    /// the app's kill switch handler, so the app's service is put first.
    /// </remarks>
    [Theory]
    [InlineData(typeof(KillSwitchList), DashboardCultures.French, "Coupe-circuits")]
    [InlineData(typeof(KillSwitchList), DashboardCultures.Indonesian, "Sakelar pemutus")]
    [InlineData(typeof(IntegrationsBoard), DashboardCultures.French, "Intégrations")]
    [InlineData(typeof(IntegrationsBoard), DashboardCultures.Indonesian, "Integrasi")]
    [InlineData(typeof(SignalsPage), DashboardCultures.French, "Signal inter-clients")]
    [InlineData(typeof(SignalsPage), DashboardCultures.Indonesian, "Sinyal lintas pelanggan")]
    public async Task Page_InFrenchAndIndonesian_HasItsHeadingInThatLanguage(Type page, string culture, string heading)
    {
        await using var ctx = await ContextAsync(Admin, culture);
        RenderProviders(ctx, culture);

        var cut = ctx.Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        });

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe(heading));
    }

    private async Task<PageTestContext> ContextAsync(string email, string culture = DashboardCultures.English)
    {
        var ctx = await PageTestContext.ForAsync(app, email, culture);
        ctx.Services.AddSingleton(_ => new AppAuthorization(app));
        ctx.Services.AddSingleton(sp => sp.GetRequiredService<AppAuthorization>().Service);
        return ctx;
    }

    /// <summary>The app's authorization service, from a scope of the app that ends with the test's context.</summary>
    private sealed class AppAuthorization(DashboardAppFactory app) : IAsyncDisposable
    {
        private readonly AsyncServiceScope scope = app.Services.CreateAsyncScope();

        public IAuthorizationService Service => scope.ServiceProvider.GetRequiredService<IAuthorizationService>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    // The status board links to the builder with the integration in the query; so does this.
    private static IRenderedComponent<KillSwitchBuilder> RenderBuilder(BunitContext ctx)
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("admin/kill-switches/new?integration=google-assistant");
        return ctx.Render<KillSwitchBuilder>();
    }

    // Each page runs as its own interactive root (PageIsland asks), in the circuit.
    /// <remarks>
    /// Sets the culture again, in a method that is not async: set inside <see cref="PageTestContext.ForAsync"/> (an async
    /// method) it does not flow back to the test.
    /// </remarks>
    private static IRenderedComponent<MudDialogProvider> RenderProviders(BunitContext ctx, string culture = DashboardCultures.English)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudSnackbarProvider>();
        ctx.Render<MudPopoverProvider>();
        return dialogs;
    }
}
