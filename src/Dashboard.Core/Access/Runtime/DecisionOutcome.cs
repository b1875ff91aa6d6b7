namespace Dashboard.Core.Access.Runtime;

/// <summary>Where the facts of a decision came from.</summary>
public enum DecisionSource
{
    /// <summary>Cached facts, valid under the lease.</summary>
    Cache,

    /// <summary>Not cached: read from the database, then cached.</summary>
    CacheMiss,

    /// <summary>No lease: everything, catalog included, read from the database in one snapshot.</summary>
    Database,
}

/// <summary>A decision as the API answers it: the engine's decision (with its revision) and an id to quote it by.</summary>
public sealed record DecisionOutcome(AccessDecision Decision, string DecisionId, DecisionSource Source);

/// <summary>What an integration may reach for an account, decided at <see cref="Revision"/>.</summary>
public sealed record VisibleDevicesOutcome(long Revision, IReadOnlyList<VisibleDevice> Devices);
