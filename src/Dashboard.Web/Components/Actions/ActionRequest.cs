using Dashboard.Core.Accounts;

namespace Dashboard.Web.Components.Actions;

/// <summary>A state-changing action as a page offers it: what the confirmation says and what it asks for.</summary>
public sealed record ActionRequest
{
    /// <summary>The confirmation's title, e.g. "Release CAM-0001".</summary>
    public required string Title { get; init; }

    /// <summary>What will happen, in one or two sentences: the confirmation is where a person decides.</summary>
    public required string Summary { get; init; }

    public required string ConfirmText { get; init; }

    /// <summary>Shown while it runs, e.g. "Releasing CAM-0001" (followed by the wait for enforcement points).</summary>
    public required string BusyText { get; init; }

    /// <summary>Cuts something off or removes it: the confirm button is drawn as a danger.</summary>
    public bool Destructive { get; init; }

    /// <summary>Asks for a reason, kept in the ledger and the audit log (required when asked).</summary>
    public bool AsksReason { get; init; } = true;

    public int MaxReasonLength { get; init; } = 1000;

    /// <summary>Set to ask for an account by email (claims, transfers); the input then carries the account found.</summary>
    public string? AccountLabel { get; init; }

    /// <summary>
    /// A refusal known before running (a transfer to the current owner): the sentence to show, or null to go on. The
    /// confirmation stays open with what was typed, the refusal beside it, and nothing runs.
    /// </summary>
    public Func<ActionInput, Task<string?>>? Check { get; init; }
}

/// <summary>What the person gave in the confirmation.</summary>
public sealed record ActionInput(string? Reason, AccountSummary? Account);

/// <summary>How an action ended, in words for the person who ran it.</summary>
public sealed record ActionOutcome(bool Succeeded, string Message)
{
    public static ActionOutcome Done(string message) => new(true, message);

    public static ActionOutcome Refused(string problem) => new(false, problem);
}
