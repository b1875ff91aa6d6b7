using System.Globalization;
using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Components;

/// <summary>Renders a routable page at an address, as the circuit would: interactive, in a culture, inside its PageIsland.</summary>
internal static class PageRendering
{
    public static IRenderedComponent<TPage> RenderAt<TPage>(this PageTestContext ctx, string address, string culture = "en")
        where TPage : IComponent
    {
        // The context's own culture is set inside its async factory, which does not carry it back to the test's flow.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        // The first render of a class waits for a cold app and database; a busy machine is not what these tests judge.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        // Pages run as interactive islands: PageIsland renders its outage boundary only then.
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return ctx.Render<TPage>();
    }
}
