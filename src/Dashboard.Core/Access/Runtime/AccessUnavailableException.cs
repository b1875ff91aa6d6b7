namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// A decision could not be made safely (the database is unreachable, or anything unexpected happened). Callers answer
/// "unavailable" (HTTP 503), never allow.
/// </summary>
public sealed class AccessUnavailableException(Exception inner)
    : Exception("The access decision could not be made safely.", inner);
