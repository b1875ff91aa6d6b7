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

/// <summary>How the link pages say when something happened; the words come from the page's resources.</summary>
public static class LinkTimes
{
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
}
