using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Devices;
using Dashboard.Core.Devices.Ownership;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// The ownership ledger of one device: its history, who owned it at a time, and the three operations that change it.
/// The operations answer only after every enforcement point applied the change, with the device as it is then.
/// </summary>
public static partial class OwnershipEndpoints
{
    public static RouteGroupBuilder MapOwnershipEndpoints(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices/{serial}").WithTags("Devices").RequireAuthorization(Policies.Staff);

        devices.MapGet("/history", HistoryAsync)
            .WithName("GetDeviceHistory")
            .WithSummary("The device's ownership events, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RecordsStaffRead(StaffAccessKind.DeviceHistory);

        devices.MapGet("/owner-at", OwnerAtAsync)
            .WithName("GetDeviceOwnerAt")
            .WithSummary("Who owned the device at an instant (ISO 8601); null owner when nobody did.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RecordsStaffRead(StaffAccessKind.DeviceOwnerAt);

        devices.MapPost("/claim", ClaimAsync)
            .WithName("ClaimDevice")
            .WithSummary("Give an unowned device to an account.")
            .ProducesOwnershipProblems();

        devices.MapPost("/transfer", TransferAsync)
            .WithName("TransferDevice")
            .WithSummary("Move an owned device to another account; the old owner's exposures of it are removed.")
            .ProducesOwnershipProblems();

        devices.MapPost("/release", ReleaseAsync)
            .WithName("ReleaseDevice")
            .WithSummary("Leave an owned device without owner; the old owner's exposures of it are removed.")
            .ProducesOwnershipProblems();

        return api;
    }

    internal static async Task<Results<Ok<IReadOnlyList<OwnershipEntryResponse>>, ProblemHttpResult>> HistoryAsync(
        string serial, ClaimsPrincipal user, OwnershipHistory history, ResourceGuard guard, CancellationToken ct)
    {
        if (await guard.DeviceAsync(user, serial, DeviceOperations.Read, ct) is { } refused)
        {
            return refused;
        }
        var entries = await history.TimelineAsync(serial, ct);
        if (entries is null)
        {
            return DeviceNotFound(serial);
        }
        return TypedResults.Ok<IReadOnlyList<OwnershipEntryResponse>>(entries
            .Select(e => new OwnershipEntryResponse(e.At, e.Kind, e.From, e.To, e.Actor, e.Reason))
            .ToList());
    }

    internal static async Task<Results<Ok<OwnerAtResponse>, ValidationProblem, ProblemHttpResult>> OwnerAtAsync(
        string serial, string? at, ClaimsPrincipal user, OwnershipHistory history, ResourceGuard guard, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var instant = ParseInstant(errors, "at", at);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await guard.DeviceAsync(user, serial, DeviceOperations.Read, ct) is { } refused)
        {
            return refused;
        }
        var owner = await history.OwnerAtAsync(serial, instant!.Value, ct);
        return owner is null ? DeviceNotFound(serial) : TypedResults.Ok(new OwnerAtResponse(owner.At, owner.Owner));
    }

    internal static Task<Results<Ok<DeviceResponse>, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        string serial, ClaimDeviceRequest request, ClaimsPrincipal user, OwnershipService ownership, EffectiveAccess access,
        ResourceGuard guard, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var account = errors.RequireUuid("account", request.Account);
        var reason = Reason(errors, request.Reason);
        return RunAsync(errors, "account", () => OwnershipChange.Claim(serial, account!.Value, reason!, request.ExpectedOwnershipVersion),
            DeviceOperations.Claim, user, ownership, access, guard, ct);
    }

    internal static Task<Results<Ok<DeviceResponse>, ValidationProblem, ProblemHttpResult>> TransferAsync(
        string serial, TransferDeviceRequest request, ClaimsPrincipal user, OwnershipService ownership, EffectiveAccess access,
        ResourceGuard guard, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var account = errors.RequireUuid("toAccount", request.ToAccount);
        var reason = Reason(errors, request.Reason);
        return RunAsync(errors, "toAccount", () => OwnershipChange.Transfer(serial, account!.Value, reason!, request.ExpectedOwnershipVersion),
            DeviceOperations.Transfer, user, ownership, access, guard, ct);
    }

    internal static Task<Results<Ok<DeviceResponse>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        string serial, ReleaseDeviceRequest request, ClaimsPrincipal user, OwnershipService ownership, EffectiveAccess access,
        ResourceGuard guard, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reason = Reason(errors, request.Reason);
        return RunAsync(errors, accountField: null, () => OwnershipChange.Release(serial, reason!, request.ExpectedOwnershipVersion),
            DeviceOperations.Release, user, ownership, access, guard, ct);
    }

    private static async Task<Results<Ok<DeviceResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        ValidationErrors errors, string? accountField, Func<OwnershipChange> change, DeviceOperationRequirement operation,
        ClaimsPrincipal user, OwnershipService ownership, EffectiveAccess access, ResourceGuard guard, CancellationToken ct)
    {
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var requested = change();
        if (await guard.DeviceAsync(user, requested.Serial, operation, ct) is { } refused)
        {
            return refused;
        }
        OwnershipResult result;
        try
        {
            result = await ownership.ChangeAsync(requested, user.ChangeActor(), ct);
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(
                e, "The ownership change is recorded and takes effect everywhere once every instance applies it.");
        }
        return result.Outcome switch
        {
            OwnershipOutcome.Done => TypedResults.Ok(await DeviceAccess.ResponseAsync(result.Device!, access, ct)),
            OwnershipOutcome.DeviceNotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: result.Problem),
            OwnershipOutcome.AccountNotFound => errors.Add(accountField ?? "account", result.Problem!).ToProblem(),
            OwnershipOutcome.Conflict => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Ownership conflict", detail: result.Problem),
        };
    }

    private static string? Reason(ValidationErrors errors, string? value)
    {
        var reason = errors.RequireText("reason", value);
        if (reason is not null && reason.Length > OwnershipService.MaxReasonLength)
        {
            errors.Add("reason", $"Must be at most {OwnershipService.MaxReasonLength} characters.");
            return null;
        }
        return reason;
    }

    /// <summary>An ISO 8601 date or date and time; without an offset it is taken as UTC.</summary>
    internal static DateTime? ParseInstant(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, ValidationErrors.RequiredMessage);
            return null;
        }
        var text = value.Trim();
        if (!IsoShape().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            errors.Add(field, "Must be an ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z.");
            return null;
        }
        return instant.UtcDateTime;
    }

    private static ProblemHttpResult DeviceNotFound(string serial) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            detail: $"No device has the serial '{Device.CanonicalSerial(serial)}'.");

    private static RouteHandlerBuilder ProducesOwnershipProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoShape();
}
