namespace Dashboard.Web.Telemetry;

/// <summary>Who may read <c>/metrics</c> (section <c>Dashboard:Metrics</c>); see docs/decisions/0006.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Dashboard:Metrics";

    /// <summary>
    /// False (the default): a staff API token (VendorAdmin or Support) is required, as for the staff API. True: anyone
    /// who can reach the port may scrape; only for deployments where the port is reachable from the scraper alone.
    /// </summary>
    public bool AllowAnonymous { get; set; }
}
