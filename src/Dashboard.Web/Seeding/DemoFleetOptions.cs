using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Seeding;

/// <summary><c>Dashboard:DemoFleet</c>: the generated fleet seeded besides the demo fixture in Development.</summary>
public sealed class DemoFleetOptions
{
    public const string Section = "Dashboard:DemoFleet";

    /// <summary>Fleet indexes [0, Devices) are made to exist at start-up; 0 seeds no generated fleet.</summary>
    [Range(0, Core.Seeding.FleetCatalog.MaxDevices)]
    public long Devices { get; set; } = 5000;
}
