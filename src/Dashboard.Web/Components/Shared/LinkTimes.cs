using System.Globalization;

namespace Dashboard.Web.Components.Shared;

/// <summary>How the link pages write times and actions for people.</summary>
public static class LinkTimes
{
    public static string Day(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"today", "yesterday", "3 days ago", "3 months ago": what a person means by "when".</summary>
    public static string Ago(DateTime utc, DateTime now)
    {
        var days = (now.Date - utc.Date).Days;
        return days switch
        {
            <= 0 => "today",
            1 => "yesterday",
            < 30 => $"{days} days ago",
            < 60 => "a month ago",
            < 365 => $"{days / 30} months ago",
            < 730 => "a year ago",
            _ => $"{days / 365} years ago",
        };
    }

    public static string ActionLabel(string wireName) => wireName switch
    {
        "stream" => "Live video",
        "snapshot" => "Snapshots",
        "events" => "Events",
        "control" => "Control",
        _ => wireName,
    };
}
