using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Web.Api.Json;

/// <summary>
/// A body that repeats a property is refused (<see cref="JsonSerializerOptions.AllowDuplicateProperties"/> off in
/// <see cref="ApiJson"/> and the decision API's source-generated context): readers disagree on which copy wins, and a
/// proxy that reads the first must not see another request than the app, which would read the last. This names the
/// repeated property for the 400.
/// </summary>
public static partial class DuplicateProperties
{
    public const string Message = "This property appears more than once in the body; send it once.";

    /// <summary>
    /// System.Text.Json says a property was repeated only in its message: <c>Duplicate property 'account'
    /// encountered ...</c> (typed members, <see cref="JsonElement"/>), <c>Duplicate properties not allowed ...</c>
    /// (dictionaries). The path names the property itself for typed members and dictionaries, and the member for a
    /// <see cref="JsonElement"/>, where the message adds the repeated name inside it.
    /// </summary>
    public static bool TryDescribe(JsonException exception, string field, out string message)
    {
        var match = Duplicate().Match(exception.Message);
        if (!match.Success)
        {
            message = "";
            return false;
        }
        var name = match.Groups["name"].Value;
        message = name.Length == 0 || LastSegmentIs(field, name)
            ? Message
            : $"The property '{name}' appears more than once inside this value; send it once.";
        return true;
    }

    private static bool LastSegmentIs(string field, string name) =>
        field.Equals(name, StringComparison.OrdinalIgnoreCase)
        || field.EndsWith("." + name, StringComparison.OrdinalIgnoreCase)
        || field.EndsWith("['" + name + "']", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""^Duplicate propert(?:y '(?<name>[^']*)'|ies)""", RegexOptions.CultureInvariant)]
    private static partial Regex Duplicate();
}
