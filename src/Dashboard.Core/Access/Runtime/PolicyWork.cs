namespace Dashboard.Core.Access.Runtime;

/// <summary>Something <see cref="PolicyApplier"/> must apply, stamped with when it was posted (to detect a stall).</summary>
public abstract record PolicyWork(long PostedAt)
{
    /// <summary>A payload from <c>LISTEN dashboard_changes</c>.</summary>
    public sealed record Notified(long PostedAt, string Payload) : PolicyWork(PostedAt);

    /// <summary>Flush everything and reload, e.g. after (re)connecting the change feed (<paramref name="FeedSession"/>).</summary>
    public sealed record Resync(long PostedAt, string Reason, long? FeedSession) : PolicyWork(PostedAt);

    /// <summary>The database is at <paramref name="Revision"/>: resync unless it has been applied by now.</summary>
    public sealed record CatchUp(long PostedAt, long Revision) : PolicyWork(PostedAt);
}
