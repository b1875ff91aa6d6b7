using Dashboard.Core.Configuration;
using Dashboard.Core.Seeding;

namespace Dashboard.Web.Seeding;

/// <summary><c>Dashboard:DemoFleet</c>: the generated fleet seeded besides the demo fixture in Development.</summary>
public sealed class DemoFleetOptions : IValidatedOptions
{
    public const string Section = "Dashboard:DemoFleet";

    /// <summary>Fleet indexes [0, Devices) are made to exist at start-up; 0 seeds no generated fleet.</summary>
    public long Devices { get; set; } = 5000;

    public IEnumerable<string> Validate()
    {
        if (Devices is < 0 or > FleetCatalog.MaxDevices)
        {
            yield return $"{Section}:Devices must be between 0 and {FleetCatalog.MaxDevices}.";
        }
    }
}
