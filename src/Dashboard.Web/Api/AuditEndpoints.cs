using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Web.Auth;
using Dashboard.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>The audit log for staff: filtered pages newest first, and a walk of the whole hash chain.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Staff);

        audit.MapGet("", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("Audit entries newest first, filtered by actor (email or as recorded), entity (type or type:id) and time [from, to).");

        audit.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAuditChain")
            .WithSummary("Walk the whole hash chain; reports the first entry that does not follow from the ones before it.");

        return api;
    }

    internal static async Task<Results<Ok<Paged<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        string? actor, string? entity, string? entityId, string? from, string? to, int? page, int? pageSize,
        AuditSearch search, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Read(page, pageSize, errors);
        var problems = new QueryErrors();
        var filter = AuditQueryParameters.Read(actor, entity, entityId, from, to, problems);
        errors.Add(problems);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await search.SearchAsync(filter, paging, ct);
        return TypedResults.Ok(new Paged<AuditEntryResponse>(result.Total, result.Items.Select(AuditEntryResponse.From).ToList()));
    }

    internal static async Task<Ok<AuditVerifyResponse>> VerifyAsync(AuditChainCheck check, CancellationToken ct)
    {
        var result = await check.VerifyAsync(progress: null, ct);
        return TypedResults.Ok(new AuditVerifyResponse(
            result.Ok, result.Entries,
            result.FirstBadEntry is { } bad ? new AuditBadEntryResponse(bad.Id, bad.Problem) : null));
    }
}

/// <summary>One entry of <c>GET /api/v1/audit</c>. <c>actor</c> is the user's email when the actor is a known user.</summary>
public sealed record AuditEntryResponse(
    long Id, DateTime At, string Actor, string Action, string Entity, string EntityId, string? Reason, JsonElement? Data)
{
    public static AuditEntryResponse From(AuditRow row) => new(
        row.Id, row.At, row.Actor, row.Action, row.EntityType, row.EntityId, row.Reason, ParseData(row.Data));

    /// <summary>The entry's data as JSON (it is stored as canonical JSON text); null when there is none.</summary>
    private static JsonElement? ParseData(string? data)
    {
        if (data is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Only a tampered row holds text that is not JSON; show it as it is (verify reports the tampering).
            return JsonSerializer.SerializeToElement(data);
        }
    }
}

public sealed record AuditVerifyResponse(bool Ok, long Entries, AuditBadEntryResponse? FirstBadEntry);

public sealed record AuditBadEntryResponse(long Id, string Problem);
