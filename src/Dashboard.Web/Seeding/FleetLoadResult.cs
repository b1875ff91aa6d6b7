using Dashboard.Core.Seeding;

namespace Dashboard.Web.Seeding;

/// <summary>How far a load has got: devices merged so far out of how many, and rows inserted in every table.</summary>
public sealed record FleetLoadProgress(long Devices, long Total, long Rows, TimeSpan Elapsed)
{
    public double DevicesPerSecond => Devices / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>What a load did: the fleet indexes it covered, what it inserted, and how fast.</summary>
public sealed record FleetLoadResult(FleetRange Range, FleetCounts Inserted, TimeSpan Elapsed, FleetLoadTimings Timings)
{
    public double DevicesPerSecond => Range.Count / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>Where a load spent its time: copying into staging (and waiting for generation), merging, committing.</summary>
public sealed class FleetLoadTimings
{
    public TimeSpan Copy { get; set; }
    public TimeSpan Merge { get; set; }
    public TimeSpan Commit { get; set; }

    /// <summary>Whether the merge ran without row triggers (see <see cref="FleetMerge"/>).</summary>
    public bool RowTriggersSkipped { get; set; }
}

/// <summary>Rows a load inserted, per table.</summary>
public sealed class FleetCounts
{
    public long Accounts { get; set; }
    public long Devices { get; set; }
    public long Links { get; set; }
    public long Exposures { get; set; }
    public long OwnershipEvents { get; set; }

    public long Rows => Accounts + Devices + Links + Exposures + OwnershipEvents;

    public bool Any => Rows > 0;

    public void Add(FleetCounts other)
    {
        Accounts += other.Accounts;
        Devices += other.Devices;
        Links += other.Links;
        Exposures += other.Exposures;
        OwnershipEvents += other.OwnershipEvents;
    }
}
