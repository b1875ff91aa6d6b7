using Dashboard.Core.Audit;
using Dashboard.Core.Devices;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
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
        FleetList fleet, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (filter, order) = FleetQueryParameters.Read(model, firmware, region, status, owned, sort, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
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
        AuditSearch search, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var filter = AuditQueryParameters.Read(actor, entity, entityId, from, to, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        await WriteAsync(context, "audit.csv",
            Csv.Line("id", "at", "actor", "actor_id", "action", "entity", "entity_id", "reason", "data"),
            search.StreamAsync(filter, ct),
            e => Csv.Line(
                Csv.Field(e.Id), Csv.Field(e.At), Csv.Field(e.Actor), Csv.Field(e.ActorId), Csv.Field(e.Action),
                Csv.Field(e.EntityType), Csv.Field(e.EntityId), Csv.Field(e.Reason), Csv.Field(e.Data)),
            ct);
        return Results.Empty;
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
