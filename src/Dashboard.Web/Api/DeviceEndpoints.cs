using System.ComponentModel;
using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Privacy;
using Dashboard.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public static class DeviceEndpoints
{
    public static RouteGroupBuilder MapDeviceEndpoints(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Devices").RequireAuthorization(Policies.Staff);

        devices.MapGet("", SearchAsync)
            .WithName("SearchDevices")
            .WithSummary("Search devices by serial prefix, MAC prefix, owner email prefix or owner id, filtered as the fleet list "
                + "(model, firmware, region, status, owned; all combine with AND); ordered by serial. A query's or filter's "
                + "total is counted up to 10,000 (totalIsLowerBound: more match) unless exactCount=true.");

        devices.MapGet("/{serial}", GetAsync)
            .WithName("GetDevice")
            .WithSummary("One device with its owner, ownership version and current access decisions.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RecordsStaffRead(StaffAccessKind.Device);

        return api;
    }

    internal static async Task<Results<Ok<Paged<DeviceSummary>>, ValidationProblem>> SearchAsync(
        [Description("Serial prefix, MAC prefix (separators ignored), owner email prefix or owner id.")] string? query,
        [Description("Exact model, as on the fleet page.")] string? model,
        [Description("Exact firmware version.")] string? firmware,
        [Description("Exact region, e.g. EU.")] string? region,
        [Description("'active' or 'decommissioned'.")] string? status,
        [Description("'true': devices with an owner; 'false': devices without one.")] string? owned,
        [Description("Page number, from 1.")] int? page,
        [Description("Devices per page, 1 to 500 (default 50).")] int? pageSize,
        [Description("'true': count every match (slower for broad filters at fleet scale); 'false' (default): a query's or "
            + "filter's total stops at 10,000, and totalIsLowerBound says when more match.")] string? exactCount,
        DeviceSearch search, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Read(page, pageSize, errors);
        var problems = new QueryErrors();
        var filter = FleetQueryParameters.ReadFilter(model, firmware, region, status, owned, problems);
        var count = FleetQueryParameters.ReadTotalCount(exactCount, problems);
        errors.Add(problems);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await search.SearchAsync(query, filter, paging, count, ct));
    }

    internal static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> GetAsync(
        string serial, ClaimsPrincipal user, DeviceSearch search, EffectiveAccess access, ResourceGuard guard, CancellationToken ct)
    {
        var device = await search.FindAsync(serial, ct);
        if (device is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: $"No device has the serial '{Device.CanonicalSerial(serial)}'.");
        }
        if (await guard.DeviceAsync(user, DeviceResource.Of(device), DeviceOperations.Read) is { } refused)
        {
            return refused;
        }
        return TypedResults.Ok(await DeviceAccess.ResponseAsync(device, access, ct));
    }
}
