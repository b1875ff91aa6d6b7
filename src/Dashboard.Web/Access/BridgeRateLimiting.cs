using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Dashboard.Web.Access;

/// <summary>Settings of the per-bridge rate limit (section <c>Access:RateLimit</c>).</summary>
public sealed class BridgeRateLimitOptions
{
    public const string Section = "Access:RateLimit";

    /// <summary>Off only for benchmarks that measure the decision path itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained decisions per second per integration.</summary>
    public int PermitsPerSecond { get; set; } = 10_000;

    /// <summary>How many may come at once; defaults to one second's worth.</summary>
    public int? Burst { get; set; }
}

/// <summary>
/// A token bucket per integration (the bridge authenticated by its key), so one noisy bridge cannot starve the others.
/// Rejections are 429 ProblemDetails with <c>Retry-After</c>.
/// </summary>
internal static class BridgeRateLimiting
{
    public const string Policy = "bridge";

    public static void Configure(RateLimiterOptions limiter, BridgeRateLimitOptions settings)
    {
        limiter.AddPolicy(Policy, context =>
        {
            if (!settings.Enabled)
            {
                return RateLimitPartition.GetNoLimiter(Guid.Empty);
            }
            // Authorization ran first, so a bridge identity is present; Guid.Empty only shares a bucket if it is not.
            var integration = Guid.TryParse(context.User.FindFirstValue(DashboardClaims.IntegrationId), out var id) ? id : Guid.Empty;
            return RateLimitPartition.GetTokenBucketLimiter(integration, _ => Bucket(settings));
        });
        limiter.OnRejected = async (context, ct) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"This bridge exceeded its rate limit; retry after {seconds} s.")
                .ExecuteAsync(context.HttpContext);
        };
    }

    private static TokenBucketRateLimiterOptions Bucket(BridgeRateLimitOptions settings)
    {
        var perSecond = Math.Max(1, settings.PermitsPerSecond);
        // Refill ten times a second when the rate allows it, so a bucket never empties for a whole second.
        var (period, tokens) = perSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), perSecond / 10)
            : (TimeSpan.FromSeconds(1.0 / perSecond), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.Burst ?? perSecond),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
