using Dashboard.Core.Privacy;
using Dashboard.Web.Api;

namespace Dashboard.Web.Privacy;

/// <summary>
/// The optional <c>reason</c> query parameter of every recorded staff read (API reads, exports, pages): a ticket
/// reference or a sentence, kept in the access record the customer sees.
/// </summary>
public static class StaffReadReason
{
    public const string Parameter = "reason";

    public static readonly string TooLongMessage = $"Must be at most {StaffAccess.MaxReasonLength} characters.";

    /// <summary>The reason (null when absent or blank); a repeated or over-long one is an error, and nothing is read.</summary>
    public static string? Read(HttpRequest request, ValidationErrors errors)
    {
        var values = request.Query[Parameter];
        if (values.Count > 1)
        {
            errors.Add(Parameter, "Give at most one reason.");
            return null;
        }
        return Check(values.ToString(), errors);
    }

    /// <summary>For a page: the reason given with its address, or the message that refuses it (then nothing is read).</summary>
    public static (string? Reason, string? Problem) ForPage(string? value)
    {
        var errors = new ValidationErrors();
        var reason = Check(value, errors);
        return (reason, errors.HasErrors ? errors.ToDictionary()[Parameter][0] : null);
    }

    public static string? Check(string? value, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var reason = value.Trim();
        // PostgreSQL text cannot hold U+0000; refused here so a page never fails on it.
        if (reason.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(Parameter, ValidationErrors.NulMessage);
            return null;
        }
        if (reason.Length > StaffAccess.MaxReasonLength)
        {
            errors.Add(Parameter, TooLongMessage);
            return null;
        }
        return reason;
    }
}
