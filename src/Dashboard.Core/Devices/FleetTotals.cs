namespace Dashboard.Core.Devices;

/// <summary>
/// The single row holding how many devices exist, so the unfiltered fleet list and API need not count millions of
/// rows per page. Kept exact by statement-level triggers on <c>devices</c> (see
/// <c>migrations/Dashboard.Migrations/FleetTotalsTriggers.cs</c>): every insert, delete and truncate changes it in
/// the same transaction, so it commits or rolls back with the rows it counts.
/// </summary>
public sealed class FleetTotals
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Devices { get; set; }
}
