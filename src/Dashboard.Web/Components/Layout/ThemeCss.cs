using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme variables for both palettes, rendered once by its own <see cref="MudThemeProvider"/> and kept.
/// The page's head carries them as plain style sheets, the dark one behind <c>prefers-color-scheme</c> when the
/// person follows the system: the theme needs no circuit and no script, and never flashes the other palette.
/// </summary>
public sealed partial class ThemeCss(IServiceProvider services, ILoggerFactory loggers)
{
    private readonly Lazy<Task<(string Light, string Dark)>> _css = new(() => RenderBothAsync(services, loggers));

    public Task<(string Light, string Dark)> GetAsync() => _css.Value;

    private static async Task<(string, string)> RenderBothAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        // The renderer needs a scope of its own: some services it asks for are scoped.
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return (await RenderAsync(renderer, dark: false), await RenderAsync(renderer, dark: true));
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, bool dark) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = DashboardTheme.Theme,
            [nameof(MudThemeProvider.IsDarkMode)] = dark,
        });
        var html = (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        return string.Concat(StyleContent().Matches(html).Select(m => m.Groups[1].Value));
    });

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleContent();
}
