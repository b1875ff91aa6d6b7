using Dashboard.Core.Access.Propagation;

namespace Dashboard.Core.Integrations;

public enum LinkReportOutcome
{
    Done,
    UnknownAccount,

    /// <summary>The integration stopped taking new links and the account has no active link to update.</summary>
    NewLinksStopped,
}

/// <summary>
/// What a bridge's link report did. <see cref="Exposed"/>: the listed devices the account owns, now exactly the link's
/// exposures; <see cref="Ignored"/>: the others (not found, or someone else's), never exposed. Canonical serials, sorted.
/// </summary>
public sealed record LinkReport(
    LinkReportOutcome Outcome,
    IReadOnlyList<string> Exposed,
    IReadOnlyList<string> Ignored,
    PropagationProof? Propagation = null);

public enum LinkChangeOutcome
{
    /// <summary>Changed, committed and propagated.</summary>
    Done,

    /// <summary>Already as asked: nothing written.</summary>
    Unchanged,

    /// <summary>No such thing for this account (or it is someone else's: the caller cannot tell).</summary>
    NotFound,
}

public sealed record LinkChange(LinkChangeOutcome Outcome, PropagationProof? Propagation = null)
{
    public static readonly LinkChange NotFound = new(LinkChangeOutcome.NotFound);
    public static readonly LinkChange Unchanged = new(LinkChangeOutcome.Unchanged);
}
