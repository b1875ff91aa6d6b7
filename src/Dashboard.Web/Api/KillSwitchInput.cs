using Dashboard.Core.KillSwitches;

namespace Dashboard.Web.Api;

/// <summary>
/// The checks and refusal messages kill switch requests share, whether they come over the API or from the admin
/// pages, so both refuse exactly the same input with the same words before <see cref="KillSwitchService"/> runs.
/// </summary>
internal static class KillSwitchInput
{
    // The column lengths: longer text would fail at the database as a 500.
    public const int MaxReasonLength = 2000;
    public const int MaxIncidentLength = 200;

    public static async Task AddScopeErrorsAsync(
        ValidationErrors errors, KillSwitchService service, KillSwitchScope? scope, string path, CancellationToken ct)
    {
        foreach (var error in await service.ValidateAsync(scope, path, ct))
        {
            errors.Add(error.Field, error.Message);
        }
    }

    /// <summary>Required reason: trimmed text, or null with the error recorded.</summary>
    public static string? Reason(ValidationErrors errors, string field, string? value) =>
        Text(errors, field, value, MaxReasonLength, required: true);

    /// <summary>Optional incident reference: null when blank.</summary>
    public static string? Incident(ValidationErrors errors, string field, string? value) =>
        Text(errors, field, value, MaxIncidentLength, required: false);

    private static string? Text(ValidationErrors errors, string field, string? value, int maxLength, bool required)
    {
        if (!required && string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = errors.RequireText(field, value);
        if (text is not null && text.Length > maxLength)
        {
            errors.Add(field, $"Must be at most {maxLength} characters.");
            return null;
        }
        return text;
    }

    /// <summary>Why a lift step was refused, in the words the API's ProblemDetails use.</summary>
    public static string RefusalMessage(Guid id, LiftResult result) => result.Outcome switch
    {
        LiftOutcome.NotFound => $"No kill switch has the id '{id}'.",
        LiftOutcome.SameAdmin => Auth.Resources.KillSwitchAuthorizationHandler.TwoPersonRule,
        _ => $"The kill switch is {StatusWords(result.Status)}: there is nothing to do.",
    };

    private static string StatusWords(KillSwitchStatus? status) => status switch
    {
        KillSwitchStatus.Active => "active, with no lift pending",
        KillSwitchStatus.PendingApproval => "already pending approval of a lift",
        KillSwitchStatus.Lifted => "already lifted",
        _ => "in an unexpected state",
    };
}
