using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The light and dark palettes and the cookie that remembers the person's choice: follow the system (the default),
/// or always light, or always dark. The server reads the cookie when it renders the page, so the theme is right
/// from the first paint, with or without a circuit. Colours are chosen for at least 4.5:1 contrast with their text.
/// </summary>
public static class DashboardTheme
{
    public const string CookieName = "dashboard-theme";
    public const string System = "system";
    public const string Light = "light";
    public const string Dark = "dark";

    public static readonly IReadOnlyList<string> Choices = [System, Light, Dark];

    /// <summary>The choice a cookie holds; anything unknown (or an old value) means "follow the system".</summary>
    public static string FromCookie(string? value) => value is Light or Dark ? value : System;

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#6a1b9a",
            Info = "#01579b",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b71c1c",
            AppbarBackground = "#283593",
            TextSecondary = "rgba(0,0,0,0.68)",
            ActionDefault = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8da",
            PrimaryContrastText = "#000000",
            Secondary = "#ce93d8",
            SecondaryContrastText = "#000000",
            Info = "#81d4fa",
            InfoContrastText = "#000000",
            Success = "#a5d6a7",
            SuccessContrastText = "#000000",
            Warning = "#ffcc80",
            WarningContrastText = "#000000",
            Error = "#ef9a9a",
            ErrorContrastText = "#000000",
            AppbarBackground = "#1a1a27",
            TextSecondary = "rgba(255,255,255,0.74)",
            ActionDefault = "rgba(255,255,255,0.74)",
        },
    };
}
