namespace Dashboard.Core.Observability;

/// <summary>
/// The id that ties together everything one request caused: its log lines, its error answer, the not_owner decisions
/// it produced and the audit entries it wrote. The web host sets it for each request (see
/// <c>Dashboard.Web.Hosting.CorrelationMiddleware</c>); the places that store it read <see cref="Current"/>, so the
/// services in between do not pass it along. It flows like the logging scope does (an async local): set for the
/// request, seen by every await inside it, gone after it.
/// </summary>
public static class CorrelationId
{
    /// <summary>Longest id accepted from a caller and stored (the columns are this long).</summary>
    public const int MaxLength = 64;

    private static readonly AsyncLocal<string?> current = new();

    /// <summary>The id of the request in progress, or null outside one (background work, start-up).</summary>
    public static string? Current => current.Value;

    /// <summary>Makes <paramref name="id"/> current until the returned scope is disposed.</summary>
    public static Scope Use(string id)
    {
        if (!IsWellFormed(id))
        {
            throw new ArgumentException("Not a well-formed correlation id.", nameof(id));
        }
        var previous = current.Value;
        current.Value = id;
        return new Scope(previous);
    }

    /// <summary>
    /// What a caller may send: 1 to <see cref="MaxLength"/> letters, digits and <c>- _ . :</c>. That covers UUIDs,
    /// ULIDs, W3C trace ids and most request-id schemes, and keeps anything that could forge a log line, break a
    /// header or a table cell (control characters, quotes, angle brackets, spaces) out of every place it is echoed.
    /// </summary>
    public static bool IsWellFormed(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Restores the id that was current before <see cref="Use"/>.</summary>
    public readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}
