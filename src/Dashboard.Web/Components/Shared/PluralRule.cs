using System.Globalization;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Which of a text's two forms ("…One" / "…Many" resource keys) a count takes in the current language: French
/// counts 0 and 1 as singular, English only 1; Indonesian has no plural, so both of its forms read the same.
/// </summary>
public static class PluralRule
{
    public static bool IsOne(long n) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "fr" => n is 0 or 1,
        _ => n == 1,
    };
}
