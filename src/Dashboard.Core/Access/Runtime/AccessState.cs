namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// What this instance has applied: the policy catalog and the revision up to which every change's invalidation has
/// been done and every decision made on older facts has been answered. Written only by <see cref="PolicyApplier"/>.
/// </summary>
public sealed class AccessState
{
    private PolicyCatalog _catalog = PolicyCatalog.Empty;
    private long _appliedRevision;

    public PolicyCatalog Catalog => Volatile.Read(ref _catalog);

    public long AppliedRevision => Volatile.Read(ref _appliedRevision);

    internal void Publish(PolicyCatalog catalog) => Volatile.Write(ref _catalog, catalog);

    /// <summary>Raises the applied revision (never lowers it); returns the value now in force.</summary>
    internal long Advance(long revision)
    {
        long current;
        do
        {
            current = Volatile.Read(ref _appliedRevision);
            if (revision <= current)
            {
                return current;
            }
        }
        while (Interlocked.CompareExchange(ref _appliedRevision, revision, current) != current);
        return revision;
    }
}
