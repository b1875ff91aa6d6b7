using Dashboard.Core.Data;
using Dashboard.Core.Devices;

namespace Dashboard.Web.Validation;

/// <summary>
/// The query parameters of the fleet list and its CSV export: <c>model</c>, <c>firmware</c>, <c>region</c> (exact),
/// <c>status</c> (<c>active|decommissioned</c>), <c>owned</c> (<c>true|false</c>) and <c>sort</c> (a column,
/// <c>-column</c> for descending: <c>serial</c>, <c>model</c>, <c>firmware</c>), read the same way by the page, the
/// devices API and the CSV export.
/// </summary>
public static class FleetQueryParameters
{
    public static (FleetFilter Filter, FleetSort Sort) Read(
        string? model, string? firmware, string? region, string? status, string? owned, string? sort, QueryErrors errors) =>
        (ReadFilter(model, firmware, region, status, owned, errors), ReadSort(sort, errors));

    /// <summary>The filter alone, for lists that keep their own order (the devices API orders by serial).</summary>
    public static FleetFilter ReadFilter(
        string? model, string? firmware, string? region, string? status, string? owned, QueryErrors errors)
    {
        DeviceStatus? statusValue = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statusValue = status.Trim().ToLowerInvariant() switch
            {
                "active" => DeviceStatus.Active,
                "decommissioned" => DeviceStatus.Decommissioned,
                _ => null,
            };
            if (statusValue is null)
            {
                errors.Add("status", QueryProblem.Status);
            }
        }

        bool? ownedValue = null;
        if (!string.IsNullOrWhiteSpace(owned))
        {
            if (bool.TryParse(owned.Trim(), out var o))
            {
                ownedValue = o;
            }
            else
            {
                errors.Add("owned", QueryProblem.Owned);
            }
        }
        return new FleetFilter(Blank(model), Blank(firmware), Blank(region), statusValue, ownedValue);
    }

    /// <summary><c>exactCount</c>: <c>true|false</c> (default false, a capped total), read as <c>owned</c> is.</summary>
    public static TotalCount ReadTotalCount(string? exactCount, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(exactCount))
        {
            return TotalCount.Capped;
        }
        if (bool.TryParse(exactCount.Trim(), out var exact))
        {
            return exact ? TotalCount.Exact : TotalCount.Capped;
        }
        errors.Add("exactCount", QueryProblem.ExactCount);
        return TotalCount.Capped;
    }

    private static FleetSort ReadSort(string? sort, QueryErrors errors)
    {
        var fleetSort = FleetSort.BySerial;
        if (!string.IsNullOrWhiteSpace(sort))
        {
            var text = sort.Trim();
            var descending = text.StartsWith('-');
            var name = descending ? text[1..] : text;
            // Names only: Enum.TryParse would also take "3" or "serial,model".
            var column = Enum.GetValues<FleetSortColumn>()
                .Where(c => string.Equals(c.ToString(), name, StringComparison.OrdinalIgnoreCase))
                .Select(c => (FleetSortColumn?)c)
                .FirstOrDefault();
            if (column is { } chosen)
            {
                fleetSort = new FleetSort(chosen, descending);
            }
            else
            {
                errors.Add("sort", QueryProblem.Sort);
            }
        }

        return fleetSort;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The address of a fleet view: only what differs from the default, so a plain list has a plain address.</summary>
    public static Dictionary<string, object?> ToQuery(FleetFilter filter, FleetSort sort) => new()
    {
        ["model"] = filter.Model,
        ["firmware"] = filter.Firmware,
        ["region"] = filter.Region,
        ["status"] = filter.Status?.ToString().ToLowerInvariant(),
        ["owned"] = filter.Owned is { } o ? (o ? "true" : "false") : null,
        ["sort"] = sort == FleetSort.BySerial ? null : (sort.Descending ? "-" : "") + sort.Column.ToString().ToLowerInvariant(),
    };
}
