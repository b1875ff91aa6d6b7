using Dashboard.Core.Audit;
using Dashboard.Core.Devices;
using Dashboard.Core.Observability;
using Dashboard.Core.Privacy;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Privacy;
using Dashboard.Web.Validation;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Exports;

/// <summary>
/// CSV downloads for staff, outside <c>/api</c> so the signed-in page can link to them with its cookie (a staff
/// bearer token works too). Rows are written while they are read from the database: a million devices never sit
/// in memory, and the download starts at once. Filters are the same query parameters as the pages and the API.
/// </summary>
public static class ExportEndpoints
{
    public const string DevicesPath = "/export/devices.csv";
    public const string AuditPath = "/export/audit.csv";

    /// <summary>Rows between flushes: the client sees data early without a flush per row.</summary>
    private const int FlushEvery = 500;

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/export").RequireAuthorization(Policies.Staff).AddEndpointFilter<NulCharacterFilter>()
            .ExcludeFromDescription();
        exports.MapGet("/devices.csv", DevicesAsync);
        exports.MapGet("/audit.csv", AuditAsync);
        return app;
    }

    internal static async Task<IResult> DevicesAsync(
        string? model, string? firmware, string? region, string? status, string? owned, string? sort,
        FleetList fleet, StaffAccessLog accessLog, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var problems = new QueryErrors();
        var (filter, order) = FleetQueryParameters.Read(model, firmware, region, status, owned, sort, problems);
        errors.Add(problems);
        var reason = StaffReadReason.Read(context.Request, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        // The device list names no single account: the record is the staff member's, attributed to no customer.
        await RecordAsync(accessLog, context, StaffAccessKind.DevicesExport, account: null, reason, ct);
        await WriteAsync(context, "devices.csv",
            Csv.Line("serial", "mac", "model", "firmware", "region", "status", "owner_id", "owner_email"),
            fleet.StreamAsync(filter, order, ct),
            d => Csv.Line(
                Csv.Field(d.Serial), Csv.Field(d.Mac), Csv.Field(d.Model), Csv.Field(d.Firmware), Csv.Field(d.Region),
                Csv.Field(d.Status.ToString().ToLowerInvariant()), Csv.Field(d.Owner?.Id.ToString()), Csv.Field(d.Owner?.Email)),
            ct);
        return Results.Empty;
    }

    internal static async Task<IResult> AuditAsync(
        string? actor, string? entity, string? entityId, string? from, string? to,
        AuditSearch search, StaffAccessLog accessLog, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var problems = new QueryErrors();
        var filter = AuditQueryParameters.Read(actor, entity, entityId, from, to, problems);
        errors.Add(problems);
        var reason = StaffReadReason.Read(context.Request, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        // Attributed to a customer only when the filter names one account (entity=account:<id>).
        var account = filter is { EntityType: "account", EntityId: { } id } && Guid.TryParse(id, out var named) ? named : (Guid?)null;
        await RecordAsync(accessLog, context, StaffAccessKind.AuditExport, account, reason, ct);
        await WriteAsync(context, "audit.csv",
            Csv.Line("id", "at", "actor", "actor_id", "action", "entity", "entity_id", "reason", "data"),
            search.StreamAsync(filter, ct),
            e => Csv.Line(
                Csv.Field(e.Id), Csv.Field(e.At), Csv.Field(e.Actor), Csv.Field(e.ActorId), Csv.Field(e.Action),
                Csv.Field(e.EntityType), Csv.Field(e.EntityId), Csv.Field(e.Reason), Csv.Field(e.Data)),
            ct);
        return Results.Empty;
    }

    /// <summary>
    /// Every export leaves a staff access record naming its filter (the query string without the reason), written
    /// before the first row: a download the caller received is never unrecorded.
    /// </summary>
    private static Task RecordAsync(
        StaffAccessLog accessLog, HttpContext context, StaffAccessKind kind, Guid? account, string? reason, CancellationToken ct)
    {
        var filter = string.Join('&', context.Request.Query
            .Where(q => q.Key != StaffReadReason.Parameter)
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")));
        var staff = context.User.UserId() ?? throw new InvalidOperationException("An export needs a signed-in staff member.");
        return accessLog.RecordAsync(
            new StaffAccess(staff, kind, StaffAccessChannel.Export, account, ExportFilter: filter, Reason: reason,
                CorrelationId: CorrelationId.Current),
            ct);
    }

    private static async Task WriteAsync<T>(
        HttpContext context, string fileName, string header, IAsyncEnumerable<T> rows, Func<T, string> line, CancellationToken ct)
    {
        var response = context.Response;
        response.ContentType = Csv.ContentType;
        response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{fileName}\"";
        // Personal data: no shared cache may keep it.
        response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(header);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(line(row));
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
        await writer.FlushAsync(ct);
    }
}
