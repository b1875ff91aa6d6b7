using System.Runtime.CompilerServices;
using System.Text;
using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Core.Devices;

/// <summary>Which devices the fleet list shows; every part is optional (exact matches) and they combine with AND.</summary>
/// <param name="Owned">true: only devices with an owner; false: only devices without one.</param>
public sealed record FleetFilter(
    string? Model = null, string? Firmware = null, string? Region = null, DeviceStatus? Status = null, bool? Owned = null)
{
    public static readonly FleetFilter None = new();
}

public enum FleetSortColumn
{
    Serial,
    Model,
    Firmware,
}

/// <summary>
/// The order of the fleet list; ties are broken by serial, so pages never overlap. Only columns with an index
/// that yields this order are offered (region and status would mean sorting a million rows per page).
/// </summary>
public sealed record FleetSort(FleetSortColumn Column = FleetSortColumn.Serial, bool Descending = false)
{
    public static readonly FleetSort BySerial = new();
}

/// <summary>The values the fleet's filters can take, from the devices themselves.</summary>
public sealed record FleetFacets(IReadOnlyList<string> Models, IReadOnlyList<string> Firmware, IReadOnlyList<string> Regions);

/// <summary>
/// The staff fleet list: filtered, sorted, paged, and streamed for the CSV export. Written in SQL because the
/// fast paths need what EF cannot say: ordering by serial <c>USING ~&lt;~</c> walks the serial index
/// (<c>text_pattern_ops</c>) so a page costs a few index entries, and the export reads rows as it writes them.
/// </summary>
public sealed class FleetList(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>A page of the list; a filtered total is counted up to <see cref="CappedTotal.Limit"/> (see <see cref="TotalCount"/>).</summary>
    public Task<Paged<DeviceSummary>> ListAsync(FleetFilter filter, FleetSort sort, PageRequest page, CancellationToken ct = default) =>
        ListAsync(filter, sort, page, TotalCount.Capped, ct);

    public async Task<Paged<DeviceSummary>> ListAsync(
        FleetFilter filter, FleetSort sort, PageRequest page, TotalCount count, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (where, parameters) = Where(filter);
        // Every piece of SQL text comes from Where/OrderBy, which never copy caller text; values are parameters.
        // Unfiltered, the maintained counter answers in one row read instead of counting the whole fleet; filtered,
        // counting stops one row past the cap unless the caller asks for every match.
        var capped = where.Length > 0 && count == TotalCount.Capped;
        var countSql = where.Length == 0
            ? FleetTotalsQuery.DevicesSql
            : capped
                ? $"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM devices d{where} LIMIT {CappedTotal.ReadAtMost}) AS capped"
                : "SELECT count(*) AS \"Value\" FROM devices d" + where;
        var total = new CountedTotal(
            await db.Database.SqlQueryRaw<long>(countSql, Clone(parameters)).SingleAsync(ct),
            capped);
        if (total.IsPastTheEnd(page))
        {
            return total.Page<DeviceSummary>([]);
        }
        var sql = Select(where, sort) + " LIMIT @limit OFFSET @offset";
        var rows = await db.Database
            .SqlQueryRaw<FleetRow>(sql, [.. Clone(parameters), new NpgsqlParameter("limit", page.PageSize), new NpgsqlParameter("offset", page.Skip)])
            .ToListAsync(ct);
        return total.Page(rows.Select(r => r.ToSummary()).ToList());
    }

    /// <summary>Every matching device in list order, read from the database while the caller consumes it.</summary>
    public async IAsyncEnumerable<DeviceSummary> StreamAsync(
        FleetFilter filter, FleetSort sort, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A long export must not be cut off by the per-command timeout while the client reads slowly.
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        var (where, parameters) = Where(filter);
        var sql = ExportMarker + Select(where, sort);
        var rows = db.Database.SqlQueryRaw<FleetRow>(sql, parameters).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row.ToSummary();
        }
    }

    /// <summary>Starts the export's SQL, so an operator (or a test) can find a running export in pg_stat_activity.</summary>
    public const string ExportMarker = "/* fleet-export */ ";

    /// <summary>
    /// Distinct models, firmware versions and regions. A loose index scan over the (model, firmware, region)
    /// index: one index probe per distinct combination (a few hundred) instead of reading a million rows.
    /// </summary>
    public async Task<FleetFacets> FacetsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cells = await db.Database.SqlQueryRaw<FacetRow>("""
            WITH RECURSIVE cell AS (
                (SELECT model, firmware, region FROM devices ORDER BY model, firmware, region LIMIT 1)
                UNION ALL
                SELECT next.model, next.firmware, next.region
                FROM cell, LATERAL (
                    SELECT model, firmware, region FROM devices d
                    WHERE (d.model, d.firmware, d.region) > (cell.model, cell.firmware, cell.region)
                    ORDER BY model, firmware, region LIMIT 1) next
            )
            SELECT model AS "Model", firmware AS "Firmware", region AS "Region" FROM cell
            """).ToListAsync(ct);
        static List<string> Distinct(IEnumerable<string> values) =>
            values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new FleetFacets(
            Distinct(cells.Select(c => c.Model)), Distinct(cells.Select(c => c.Firmware)), Distinct(cells.Select(c => c.Region)));
    }

    private static string Select(string where, FleetSort sort) =>
        "SELECT d.serial AS \"Serial\", d.mac AS \"Mac\", d.model AS \"Model\", d.firmware AS \"Firmware\", "
        + "d.region AS \"Region\", d.status AS \"Status\", d.owner_id AS \"OwnerId\", a.email AS \"OwnerEmail\" "
        + "FROM devices d LEFT JOIN accounts a ON a.id = d.owner_id"
        + where + OrderBy(sort);

    /// <summary>Column names come from the enum, never from the caller: nothing here is user text.</summary>
    internal static string OrderBy(FleetSort sort)
    {
        var serial = sort.Descending ? "d.serial USING ~>~" : "d.serial USING ~<~";
        var direction = sort.Descending ? " DESC" : "";
        var column = sort.Column switch
        {
            FleetSortColumn.Serial => null,
            FleetSortColumn.Model => "d.model",
            FleetSortColumn.Firmware => "d.firmware",
        };
        // The column's own collation: the order of its (column, serial) index, so no sort is needed.
        return column is null ? " ORDER BY " + serial : $" ORDER BY {column}{direction}, {serial}";
    }

    internal static (string Where, NpgsqlParameter[] Parameters) Where(FleetFilter filter)
    {
        var conditions = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        void Equal(string column, string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                conditions.Add($"d.{column} = @{name}");
                parameters.Add(new NpgsqlParameter(name, value.Trim()));
            }
        }
        Equal("model", "model", filter.Model);
        Equal("firmware", "firmware", filter.Firmware);
        Equal("region", "region", filter.Region);
        Equal("status", "status", filter.Status?.ToString());
        if (filter.Owned is { } owned)
        {
            conditions.Add(owned ? "d.owner_id IS NOT NULL" : "d.owner_id IS NULL");
        }
        var where = new StringBuilder();
        if (conditions.Count > 0)
        {
            where.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }
        return (where.ToString(), parameters.ToArray());
    }

    /// <summary>An NpgsqlParameter belongs to one command; each query gets its own copies.</summary>
    private static object[] Clone(NpgsqlParameter[] parameters) =>
        parameters.Select(p => (object)p.Clone()).ToArray();

    private sealed record FleetRow(
        string Serial, string Mac, string Model, string Firmware, string Region, string Status, Guid? OwnerId, string? OwnerEmail)
    {
        public DeviceSummary ToSummary() => new(
            Serial, Device.FormatMac(Mac), Model, Firmware, Region, Enum.Parse<DeviceStatus>(Status),
            OwnerId is { } id && OwnerEmail is not null ? new AccountRef(id, OwnerEmail) : null);
    }

    private sealed record FacetRow(string Model, string Firmware, string Region);
}
