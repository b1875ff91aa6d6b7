using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Settings of the per-address sign-in limit (section <c>Auth:SignInRateLimit</c>).</summary>
public sealed class SignInRateLimitOptions
{
    /// <summary>Sign-in form posts one client address may make per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Limits posts of the sign-in form per client address (a sliding window), beside the per-login lockout: lockout
/// stops guessing one login's password, this stops one address from trying many logins. It sits in the rate
/// limiter middleware, so a rejected attempt never reaches the password check (nor counts towards any lockout).
/// Only POST is limited; the page itself always loads. A rejected post is redirected back to the sign-in page,
/// which says how long to wait.
/// </summary>
public sealed class SignInRateLimitPolicy(IOptions<DashboardAuthOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "sign-in";

    /// <summary>Query parameter the sign-in page reads to show the "too many attempts" message.</summary>
    public const string RetryAfterParameter = "RetryAfter";

    private static readonly string NoAddress = "unknown";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var settings = options.Value.SignInRateLimit;
        var address = Partition(httpContext.Connection.RemoteIpAddress);
        return RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.PermitLimit),
            Window = settings.Window > TimeSpan.Zero ? settings.Window : TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// IPv6 clients usually hold a whole /64, so one bucket per /64 (an attacker cannot step to a fresh bucket
    /// per request); an IPv4 address (or IPv4 mapped into IPv6) is its own bucket.
    /// </summary>
    internal static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return NoAddress;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        // Back to the page with a GET (303), keeping where the user was going; the page explains and shows the form.
        var query = new Dictionary<string, string?> { [RetryAfterParameter] = seconds.ToString(CultureInfo.InvariantCulture) };
        if (http.Request.Query["ReturnUrl"] is { Count: 1 } returnUrl)
        {
            query["ReturnUrl"] = returnUrl.ToString();
        }
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.Location = QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query);
        return ValueTask.CompletedTask;
    };
}
