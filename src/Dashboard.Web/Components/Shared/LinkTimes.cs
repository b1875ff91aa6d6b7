using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// How pages write a link's times and actions for people, in their language: inject
/// <c>IStringLocalizer&lt;LinkTimes&gt;</c> and call <see cref="LinkTimesText.Ago"/> and
/// <see cref="LinkTimesText.Action"/> on it (the texts are in <c>LinkTimes.resx</c>).
/// </summary>
public sealed class LinkTimes
{
    private LinkTimes()
    {
    }

    /// <summary>A day in the current culture's words, e.g. "8 Sept 2026" or "8 sept. 2026".</summary>
    public static string Day(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>An exact instant, in the current culture's short date and long time, marked UTC.</summary>
    // TODO(when): the lead's <When Value="..."/> shows instants in the person's time zone; until then, UTC said so.
    public static string Instant(DateTime utc) =>
        utc.ToString("G", CultureInfo.CurrentCulture) + " UTC";

    // For callers that do not inject the localizer yet (LinkedServicesPanel, until it injects IStringLocalizer<LinkTimes>): same resources, current culture.
    private static readonly IStringLocalizer<LinkTimes> Texts = new StringLocalizer<LinkTimes>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static string Ago(DateTime utc, DateTime now) => Texts.Ago(utc, now);

    public static string ActionLabel(string wireName) => Texts.Action(wireName);
}

/// <summary>The words of <see cref="LinkTimes"/>, read through the app's localizer.</summary>
public static class LinkTimesText
{
    /// <summary>"today", "yesterday", "3 days ago", "3 months ago": what a person means by "when".</summary>
    public static string Ago(this IStringLocalizer<LinkTimes> text, DateTime utc, DateTime now)
    {
        var days = (now.Date - utc.Date).Days;
        return days switch
        {
            <= 0 => text["Today"],
            1 => text["Yesterday"],
            < 30 => text["DaysAgo", days],
            < 60 => text["MonthAgo"],
            < 365 => text["MonthsAgo", days / 30],
            < 730 => text["YearAgo"],
            _ => text["YearsAgo", days / 365],
        };
    }

    /// <summary>An action's name for people ("Live video"); an action the pages do not know keeps its wire name.</summary>
    public static string Action(this IStringLocalizer<LinkTimes> text, string wireName) =>
        text[$"Action_{wireName}"] is { ResourceNotFound: false } found ? found.Value : wireName;
}
