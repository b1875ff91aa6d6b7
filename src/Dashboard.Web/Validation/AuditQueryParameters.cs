using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Audit;

namespace Dashboard.Web.Validation;

/// <summary>
/// The query parameters that filter the audit log (<c>actor</c>, <c>entity</c>, <c>entityId</c>, <c>from</c>,
/// <c>to</c>), read the same way by the API, the CSV export and the audit page. <c>entity</c> is an entity type
/// (<c>device</c>) or a type and id (<c>device:DEMO-CAM-0003</c>); times are ISO 8601, UTC unless they carry an
/// offset.
/// </summary>
public static partial class AuditQueryParameters
{
    public const string TimeMessage = "Must be an ISO 8601 date or time, e.g. 2026-01-31 or 2026-01-31T08:00:00Z.";

    public static AuditFilter Read(
        string? actor, string? entity, string? entityId, string? from, string? to, QueryErrors errors)
    {
        var (entityType, idFromEntity) = SplitEntity(entity);
        var id = Blank(entityId) ? null : entityId!.Trim();
        if (idFromEntity is not null && id is not null && id != idFromEntity)
        {
            errors.Add("entityId", QueryProblem.EntityIdTwice);
        }

        var fromTime = ReadTime("from", from, errors);
        var toTime = ReadTime("to", to, errors);
        if (fromTime is { } f && toTime is { } t && f > t)
        {
            errors.Add("from", QueryProblem.FromAfterTo);
        }
        return new AuditFilter(
            Blank(actor) ? null : actor!.Trim(), entityType, id ?? idFromEntity, fromTime, toTime);
    }

    /// <summary><c>device</c> or <c>device:SERIAL</c>; the id may itself contain colons.</summary>
    internal static (string? Type, string? Id) SplitEntity(string? entity)
    {
        if (Blank(entity))
        {
            return (null, null);
        }
        var trimmed = entity!.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (trimmed, null);
        }
        var type = trimmed[..colon].Trim();
        var id = trimmed[(colon + 1)..].Trim();
        return (type.Length == 0 ? null : type, id.Length == 0 ? null : id);
    }

    /// <summary>An ISO 8601 date or date-time, as UTC; a value without an offset is taken as UTC.</summary>
    internal static DateTime? ReadTime(string field, string? value, QueryErrors errors)
    {
        if (Blank(value))
        {
            return null;
        }
        var trimmed = value!.Trim();
        if (!IsoShape().IsMatch(trimmed)
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            errors.Add(field, QueryProblem.Time);
            return null;
        }
        return parsed.UtcDateTime;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Only the ISO 8601 shapes: the invariant culture alone would also take "01/02/2026" (which day?).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();
}
