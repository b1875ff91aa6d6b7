using System.Security.Claims;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Integrations;
using Dashboard.Web.Access;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Links;

/// <summary>
/// Link events from bridges (bridge key: the integration is the caller's, never a value from the body) and support's
/// revoke on a customer's behalf (staff). Each change answers only once every enforcement point applied it.
/// </summary>
public static class LinkEndpoints
{
    /// <summary>More serials than any one customer owns many times over; a longer list is refused, not truncated.</summary>
    public const int MaxDevices = 1000;

    private const int MaxReasonLength = 2000;

    public static RouteGroupBuilder MapLinkEndpoints(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/links")
            .WithTags("Links")
            .RequireAuthorization(Policies.Bridge)
            .RequireRateLimiting(BridgeRateLimiting.Policy);

        links.MapPost("", ReportLinkAsync)
            .WithName("ReportLink")
            .WithSummary("The account linked this integration on the bridge's side: link it and expose exactly the listed devices it owns.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        links.MapDelete("/{account}", ReportUnlinkAsync)
            .WithName("ReportUnlink")
            .WithSummary("The account unlinked this integration on the bridge's side. 204 also when there was no link.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.Staff)
            .MapPost("/{id}/links/{integration}/revoke", RevokeAsync)
            .WithName("RevokeLink")
            .WithSummary("Unlink an integration on the customer's behalf, with a reason.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    internal static async Task<Results<Created<ReportLinkResponse>, ValidationProblem, ProblemHttpResult>> ReportLinkAsync(
        ReportLinkRequest request, ClaimsPrincipal user, LinkService links, CancellationToken ct)
    {
        if (user.IntegrationId() is not { } integrationId || user.IntegrationKey() is not { } integrationKey)
        {
            return NotABridge();
        }
        var errors = new ValidationErrors();
        var account = errors.RequireUuid("account", request.Account);
        var serials = Serials(request.Devices, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        try
        {
            var report = await links.ReportLinkAsync(integrationId, account!.Value, serials, user.AuditActor(), ct);
            return report.Outcome switch
            {
                LinkReportOutcome.UnknownAccount => TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound, detail: $"No account has the id '{account}'."),
                LinkReportOutcome.NewLinksStopped => TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "New links stopped",
                    detail: $"The integration '{integrationKey}' takes no new links; existing links can still be updated."),
                _ => TypedResults.Created(
                    $"{ApiSetup.BasePath}/links/{account}",
                    new ReportLinkResponse(account.Value, integrationKey, report.Exposed, report.Ignored)),
            };
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(e);
        }
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReportUnlinkAsync(
        string account, ClaimsPrincipal user, LinkService links, CancellationToken ct)
    {
        if (user.IntegrationId() is not { } integrationId)
        {
            return NotABridge();
        }
        var errors = new ValidationErrors();
        var accountId = errors.RequireUuid("account", account);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        try
        {
            // No link (or no such account) is fine: the user unlinked on the bridge's side, and that is now true here too.
            await links.RevokeAsync(accountId!.Value, integrationId, user.AuditActor(), "unlinked on the integration's side", ct);
            return TypedResults.NoContent();
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(e);
        }
    }

    internal static async Task<Results<Ok<RevokeLinkResponse>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string id, string integration, RevokeLinkRequest? request, ClaimsPrincipal user, LinkService links, ResourceGuard guard,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reason = errors.RequireText("reason", request?.Reason);
        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"Must be at most {MaxReasonLength} characters.");
        }
        var accountId = errors.RequireUuid("id", id);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await guard.AccountAsync(user, accountId!.Value, AccountOperations.RevokeLink) is { } refused)
        {
            return refused;
        }
        if (await links.IntegrationIdAsync(integration, ct) is not { } integrationId)
        {
            return NotFound($"No integration has the key '{integration}'.");
        }
        try
        {
            var change = await links.RevokeAsync(accountId!.Value, integrationId, user.AuditActor(), reason!, ct);
            return change.Outcome == LinkChangeOutcome.Done
                ? TypedResults.Ok(new RevokeLinkResponse(accountId.Value, integration, "revoked"))
                : NotFound($"The account has no active link to '{integration}'.");
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(e);
        }
    }

    private static string[] Serials(IReadOnlyList<string?>? devices, ValidationErrors errors)
    {
        if (devices is null)
        {
            errors.Add("devices", "Required: the serials to expose (may be empty).");
            return [];
        }
        if (devices.Count > MaxDevices)
        {
            errors.Add("devices", $"At most {MaxDevices} serials.");
            return [];
        }
        var serials = new List<string>(devices.Count);
        for (var i = 0; i < devices.Count; i++)
        {
            var serial = devices[i]?.Trim();
            if (string.IsNullOrEmpty(serial) || serial.Length > AccessEndpoints.MaxSerialLength || serial.Any(char.IsControl))
            {
                errors.Add($"devices[{i}]", $"A serial: 1 to {AccessEndpoints.MaxSerialLength} characters, no control characters.");
                continue;
            }
            serials.Add(serial);
        }
        return serials.ToArray();
    }

    private static ProblemHttpResult NotABridge() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Not a bridge", detail: "Only an integration bridge key may report links.");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);
}
