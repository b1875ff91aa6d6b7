using Dashboard.Core.Accounts;

namespace Dashboard.Web.Components.Shared;

/// <summary>What <see cref="ReasonDialog"/> returns when confirmed: the trimmed reason, and the account when asked for.</summary>
public sealed record ReasonDialogResult(string Reason, AccountSummary? Account);
