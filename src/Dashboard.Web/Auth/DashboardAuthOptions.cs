namespace Dashboard.Web.Auth;

/// <summary>Settings under <c>Auth</c>. The defaults suit production; tests shorten the intervals.</summary>
public sealed class DashboardAuthOptions
{
    public const string Section = "Auth";

    /// <summary>How often each instance reloads the bridge keys it holds in memory (revocations elsewhere take this long).</summary>
    public TimeSpan BridgeKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bridge keys older than this (no successful reload) are not trusted: requests get 503 rather than being
    /// decided on credentials that may have been revoked since.
    /// </summary>
    public TimeSpan BridgeKeyMaxStaleness { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often staff-token "last used" times are written (batched, best effort).</summary>
    public TimeSpan TokenUsageFlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed sign-ins in a row before the login is locked out.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per client address, beside the per-login lockout.</summary>
    public SignInRateLimitOptions SignInRateLimit { get; set; } = new();

    /// <summary>Sliding lifetime of the sign-in cookie.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);
}
