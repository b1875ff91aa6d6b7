namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The light and dark Radzen themes and the cookie that remembers the choice. The server reads the cookie when it
/// renders the page, so a returning user never sees the other theme flash first.
/// </summary>
public static class DashboardTheme
{
    public const string CookieName = "dashboard-theme";
    public const string Light = "material";
    public const string Dark = "material-dark";

    public static string FromCookie(string? value) => value == Dark ? Dark : Light;

    public static bool IsDark(string? theme) => theme == Dark;
}
