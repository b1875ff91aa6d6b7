namespace Dashboard.Web.Components.Time;

/// <summary>
/// The time zone of the person looking at the page (the browser's, from the cookie shell.js writes), for one
/// request or circuit. Unknown or missing zones are UTC, and a time shown in UTC says so.
/// </summary>
public sealed class PersonClock
{
    public const string CookieName = "dashboard-tz";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The zone's IANA name as the browser gave it (null when none was given or it is unknown here).</summary>
    public string? ZoneId { get; private set; }

    public void Use(string? zoneId)
    {
        if (!string.IsNullOrEmpty(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            Zone = zone;
            ZoneId = zoneId;
        }
    }

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
