namespace Dashboard.Web.Components.Layout;

/// <summary>
/// Where MudBlazor's providers (popovers, dialogs, snackbars) live: in each page's island in the app; a component
/// test that renders a page on its own hosts them itself, beside the page, to read the dialogs it opens.
/// </summary>
public sealed class PageIslandOptions
{
    public bool HostsMudProviders { get; init; } = true;
}
