using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Web.Api.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Turns a <see cref="BadHttpRequestException"/> (bad JSON, an unbindable parameter, a body too large, a wrong
/// content type) into a problem that names the offending field where there is one.
/// </summary>
internal static partial class BadRequestProblems
{
    /// <summary>The key used when the problem is the body as a whole (empty, not an object, not JSON at all).</summary>
    public const string BodyField = "body";

    public static ProblemHttpResult For(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            // 413 and 415: the framework's message says what the limit or the expected media type is.
            return TypedResults.Problem(statusCode: exception.StatusCode, detail: exception.Message);
        }

        if (exception.InnerException is JsonException json)
        {
            var (fields, message) = Describe(json);
            return Validation(fields, message);
        }

        var parameter = ParameterOf(exception.Message);
        return parameter is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: exception.Message)
            : Validation([parameter], exception.Message);
    }

    /// <summary>
    /// The fields a JSON error is about, from <see cref="JsonException.Path"/> (<c>$.scope.actions[0]</c> becomes
    /// <c>scope.actions[0]</c>), and a message that neither echoes the body nor names server types.
    /// </summary>
    internal static (IReadOnlyList<string> Fields, string Message) Describe(JsonException exception)
    {
        var parent = FieldOf(exception.Path);
        var missing = MissingRequiredProperties(exception.Message);
        if (missing.Count > 0)
        {
            // Required properties of a nested object are named under it: "scope.integration".
            var fields = missing.Select(name => parent == BodyField ? name : parent + "." + name).ToList();
            return (fields, Api.ValidationErrors.RequiredMessage);
        }
        if (DuplicateProperties.TryDescribe(exception, parent, out var duplicate))
        {
            return ([parent], duplicate);
        }
        var position = exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? $" (line {line + 1}, position {column + 1})"
            : "";
        var message = exception switch
        {
            ClientJsonException client => client.ClientMessage,
            // The reader's own exception inside: the text is not JSON at all (syntax, truncation).
            { InnerException: JsonException } => $"Malformed JSON{position}.",
            _ => $"Not a valid value for this field{position}.",
        };
        return ([parent], message);
    }

    internal static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return BodyField;
        }
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>
    /// Parameter binding failures name the parameter in quotes, after its type:
    /// <c>Failed to bind parameter "int? page" from "x".</c>, <c>Required parameter "string q" was not provided</c>.
    /// A missing or unreadable body names the C# parameter, which means nothing to a client: call it the body.
    /// </summary>
    internal static string? ParameterOf(string message)
    {
        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return BodyField;
        }
        var match = QuotedParameter().Match(message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>
    /// System.Text.Json reports missing required properties only in its message:
    /// <c>... was missing required properties including: 'account', 'reason'.</c>
    /// </summary>
    private static List<string> MissingRequiredProperties(string message)
    {
        var match = MissingProperties().Match(message);
        return match.Success
            ? QuotedName().Matches(match.Groups["names"].Value).Select(m => m.Groups["name"].Value).ToList()
            : [];
    }

    private static ProblemHttpResult Validation(IReadOnlyList<string> fields, string message)
    {
        var errors = fields.Distinct().ToDictionary(f => f, _ => new[] { message });
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request is not valid: see errors.",
        });
    }

    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[^"\s]+)"\s""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedParameter();

    [GeneratedRegex("""missing required properties including: (?<names>.*?)\.(?: Path:|$)""", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperties();

    [GeneratedRegex("""'(?<name>[^']+)'""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();
}
