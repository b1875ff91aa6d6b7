using System.Globalization;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Picks the singular or plural resource for a count in the reader's language: <c>{Stem}One</c> or <c>{Stem}Many</c>.
/// English says "1 device" and "0 devices"; French counts 0 and 1 as singular ("0 appareil"); Indonesian does not mark
/// the plural, so both keys may hold the same words there.
/// </summary>
public static class CountWords
{
    public static string Key(long count, string stem) => stem + (IsOne(count, CultureInfo.CurrentUICulture) ? "One" : "Many");

    internal static bool IsOne(long count, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;
}
