using Dashboard.Core.Integrations;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Links;

/// <summary>Settings under <c>Links</c>.</summary>
public sealed class LinkOptions : Core.Configuration.IValidatedOptions
{
    public const string Section = "Links";

    /// <summary>How often last-used times of links are written (batched; see <see cref="LinkUsage"/>).</summary>
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (UsageFlushInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:UsageFlushInterval must be positive.";
        }
    }
}

/// <summary>Flushes <see cref="LinkUsage"/> periodically and once more on shutdown.</summary>
internal sealed class LinkUsageFlusher(LinkUsage usage, IOptions<LinkOptions> options, TimeProvider clock)
    : PeriodicFlushService(options.Value.UsageFlushInterval, clock)
{
    protected override Task FlushAsync(CancellationToken ct) => usage.FlushAsync(ct);
}
