namespace Dashboard.Core.KillSwitches;

/// <summary>One problem with a kill switch scope, named by its JSON field (<c>scope.actions</c>) for a 400 ProblemDetails.</summary>
public readonly record struct ScopeError(string Field, string Message);
