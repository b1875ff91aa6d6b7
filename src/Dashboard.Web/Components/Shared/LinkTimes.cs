using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Shared;

/// <summary>How long ago, as a person means it: today, yesterday, days, a month, months, a year, years.</summary>
public enum AgoUnit
{
    Today,
    Yesterday,
    Days,
    Month,
    Months,
    Year,
    Years,
}

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

    /// <summary>The unit and count a person would use ("3 months ago"); the future reads as today.</summary>
    public static (AgoUnit Unit, int Count) Ago(DateTime utc, DateTime now)
    {
        var days = (now.Date - utc.Date).Days;
        return days switch
        {
            <= 0 => (AgoUnit.Today, 0),
            1 => (AgoUnit.Yesterday, 1),
            < 30 => (AgoUnit.Days, days),
            < 60 => (AgoUnit.Month, 1),
            < 365 => (AgoUnit.Months, days / 30),
            < 730 => (AgoUnit.Year, 1),
            _ => (AgoUnit.Years, days / 365),
        };
    }

    /// <summary>A day in the current culture's words, e.g. "8 Sept 2026" or "8 sept. 2026".</summary>
    public static string Day(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>An exact instant, in the current culture's short date and long time, marked UTC.</summary>
    public static string Instant(DateTime utc) =>
        utc.ToString("G", CultureInfo.CurrentCulture) + " UTC";
}

/// <summary>The words of <see cref="LinkTimes"/>, read through the app's localizer.</summary>
public static class LinkTimesText
{
    /// <summary>"today", "yesterday", "3 days ago", "3 months ago": what a person means by "when".</summary>
    public static string Ago(this IStringLocalizer<LinkTimes> text, DateTime utc, DateTime now)
    {
        var (unit, count) = LinkTimes.Ago(utc, now);
        return unit switch
        {
            AgoUnit.Today => text["Today"],
            AgoUnit.Yesterday => text["Yesterday"],
            AgoUnit.Days => text["DaysAgo", count],
            AgoUnit.Month => text["MonthAgo"],
            AgoUnit.Months => text["MonthsAgo", count],
            AgoUnit.Year => text["YearAgo"],
            _ => text["YearsAgo", count],
        };
    }

    /// <summary>An action's name for people ("Live video"); an action the pages do not know keeps its wire name.</summary>
    public static string Action(this IStringLocalizer<LinkTimes> text, string wireName) =>
        text[$"Action_{wireName}"] is { ResourceNotFound: false } found ? found.Value : wireName;
}
