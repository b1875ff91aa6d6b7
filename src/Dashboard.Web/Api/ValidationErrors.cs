using Dashboard.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// Collects field -> messages and becomes a 400 <see cref="ValidationProblem"/>. Fields are named as the client
/// sent them: the camelCase JSON property or the query parameter.
/// </summary>
/// <example>
/// <code>
/// var errors = new ValidationErrors();
/// errors.RequireText("reason", request.Reason);
/// if (errors.HasErrors) return errors.ToProblem();
/// </code>
/// </example>
public sealed class ValidationErrors
{
    public const string RequiredMessage = "Required.";
    public const string NulMessage = "Must not contain the NUL character (U+0000).";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    /// <summary>The problems a shared query reader found, worded as the API words them.</summary>
    public ValidationErrors Add(QueryErrors problems)
    {
        foreach (var problem in problems.All)
        {
            Add(problem.Field, problem.Message);
        }
        return this;
    }

    /// <summary>Missing, empty or blank text is an error (a reason, a name); returns the trimmed text or null.</summary>
    public string? RequireText(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, RequiredMessage);
            return null;
        }
        if (value.Contains('\0'))
        {
            Add(field, NulMessage);
            return null;
        }
        return value.Trim();
    }

    /// <summary>A uuid given as text (a route or query value); returns null and records the error otherwise.</summary>
    public Guid? RequireUuid(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, RequiredMessage);
            return null;
        }
        if (!Guid.TryParse(value.Trim(), out var id))
        {
            Add(field, "Must be a uuid.");
            return null;
        }
        return id;
    }

    /// <summary>An optional whole number that, when given, must lie in [min, max].</summary>
    public int InRange(string field, int? value, int min, int max, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }
        if (value < min || value > max)
        {
            Add(field, max == int.MaxValue ? $"Must be at least {min}." : $"Must be between {min} and {max}.");
            return fallback;
        }
        return value.Value;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(ToDictionary(), detail: "The request is not valid: see errors.");
}
