using Dashboard.Core.Configuration;

namespace Dashboard.Core.Access.Signals;

/// <summary>Settings of the cross-tenant signal (section <c>Dashboard:Signals</c>).</summary>
public sealed class SignalOptions : IValidatedOptions
{
    public const string Section = "Dashboard:Signals";

    /// <summary>
    /// An integration whose bridge asked this many times or more in one minute for cameras the named account does
    /// not own raises the signal. A handful is normal (a transfer a bridge has not synced yet); a burst is what the
    /// Xiaomi and Wyze leaks looked like from here.
    /// </summary>
    public int NotOwnerPerMinuteThreshold { get; set; } = 20;

    /// <summary>How far back a burst still raises the signal.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the banner's answer is reused across pages and users (one query per instance per period).</summary>
    public TimeSpan BannerCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (NotOwnerPerMinuteThreshold < 1)
        {
            yield return $"{Section}:NotOwnerPerMinuteThreshold must be at least 1.";
        }
        if (Window < TimeSpan.FromMinutes(1) || Window > TimeSpan.FromDays(1))
        {
            yield return $"{Section}:Window must be between a minute and a day.";
        }
        if (BannerCacheDuration < TimeSpan.Zero || BannerCacheDuration > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:BannerCacheDuration must be between zero and a minute.";
        }
    }
}
