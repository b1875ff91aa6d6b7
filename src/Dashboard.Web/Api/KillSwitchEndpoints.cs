using System.Security.Claims;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Data;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// Kill switches for vendor admins: preview, fire, list, and the two-person lift. Firing and approving a lift answer
/// only after every enforcement point applied the change, so a check made after the response sees it.
/// </summary>
public static class KillSwitchEndpoints
{
    public static RouteGroupBuilder MapKillSwitchEndpoints(this RouteGroupBuilder api)
    {
        var switches = api.MapGroup("/kill-switches").WithTags("Kill switches").RequireAuthorization(Policies.VendorAdmin);

        switches.MapPost("/preview", PreviewAsync)
            .WithName("PreviewKillSwitch")
            .WithSummary("How many accounts, devices and links a scope would newly cut off. Writes nothing.");

        switches.MapPost("", FireAsync)
            .WithName("FireKillSwitch")
            .WithSummary("Fire a kill switch; answers once every enforcement point denies what it covers.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        switches.MapGet("", ListAsync)
            .WithName("ListKillSwitches")
            .WithSummary("Kill switches, newest first; active=true keeps those that still deny (pending lifts too).");

        switches.MapPost("/{id:guid}/lift", RequestLiftAsync)
            .WithName("RequestKillSwitchLift")
            .WithSummary("Ask for a switch to be lifted; it keeps denying until another admin approves.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        switches.MapPost("/{id:guid}/lift/approve", ApproveLiftAsync)
            .WithName("ApproveKillSwitchLift")
            .WithSummary("Approve a pending lift (not by its requester); answers once every enforcement point allows again.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return api;
    }

    internal static async Task<Results<Ok<BlastRadius>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        KillSwitchScopeBody body, ClaimsPrincipal user, KillSwitchService service, ResourceGuard guard, CancellationToken ct)
    {
        if (await guard.KillSwitchesAsync(user, KillSwitchOperations.Preview) is { } refused)
        {
            return refused;
        }
        var scope = body.ToScope();
        var errors = new ValidationErrors();
        // The body is the bare scope, so its fields are named without a prefix.
        await KillSwitchInput.AddScopeErrorsAsync(errors, service, scope, path: "", ct);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await service.PreviewAsync(scope, ct));
    }

    internal static async Task<Results<Created<FireKillSwitchResponse>, ValidationProblem, ProblemHttpResult>> FireAsync(
        FireKillSwitchRequest request, ClaimsPrincipal user, KillSwitchService service, ResourceGuard guard, CancellationToken ct)
    {
        if (await guard.KillSwitchesAsync(user, KillSwitchOperations.Fire) is { } refused)
        {
            return refused;
        }
        var errors = new ValidationErrors();
        var scope = request.Scope?.ToScope();
        await KillSwitchInput.AddScopeErrorsAsync(errors, service, scope, path: "scope", ct);
        var reason = KillSwitchInput.Reason(errors, "reason", request.Reason);
        var incident = KillSwitchInput.Incident(errors, "incident", request.Incident);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        try
        {
            var fired = await service.FireAsync(scope!, reason!, incident, user.AuditActor(), ct);
            var response = new FireKillSwitchResponse(
                fired.Id, fired.Revision, fired.BlastRadius, PropagationResponse.From(fired.Propagation));
            return TypedResults.Created($"{ApiSetup.BasePath}/kill-switches/{fired.Id}", response);
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(e, "The kill switch is recorded and will deny everywhere once every instance applies it.");
        }
    }

    internal static async Task<Results<Ok<Paged<KillSwitchResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        bool? active, int? page, int? pageSize, ClaimsPrincipal user, KillSwitchService service, ResourceGuard guard, CancellationToken ct)
    {
        if (await guard.KillSwitchesAsync(user, KillSwitchOperations.Read) is { } refused)
        {
            return refused;
        }
        var errors = new ValidationErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var switches = await service.ListAsync(active ?? false, paging, ct);
        return TypedResults.Ok(new Paged<KillSwitchResponse>(switches.Total, switches.Items.Select(KillSwitchResponse.From).ToArray()));
    }

    internal static async Task<Results<Accepted<LiftStatusResponse>, ValidationProblem, ProblemHttpResult>> RequestLiftAsync(
        Guid id, LiftKillSwitchRequest request, ClaimsPrincipal user, KillSwitchService service, ResourceGuard guard,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reason = KillSwitchInput.Reason(errors, "reason", request.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await guard.KillSwitchAsync(user, id, KillSwitchOperations.RequestLift, ct) is { } refused)
        {
            return refused;
        }
        var result = await service.RequestLiftAsync(id, reason!, user.AuditActor(), ct);
        return result.Outcome switch
        {
            LiftOutcome.Done => TypedResults.Accepted((string?)null, new LiftStatusResponse(KillSwitchStatus.PendingApproval)),
            _ => Refused(id, result),
        };
    }

    internal static async Task<Results<Ok<LiftStatusResponse>, ProblemHttpResult>> ApproveLiftAsync(
        Guid id, ClaimsPrincipal user, KillSwitchService service, ResourceGuard guard, CancellationToken ct)
    {
        // The two-person rule, judged on the switch as read now; the service judges it again under the row lock.
        if (await guard.KillSwitchAsync(user, id, KillSwitchOperations.ApproveLift, ct) is { } refused)
        {
            return refused;
        }
        try
        {
            var result = await service.ApproveLiftAsync(id, user.AuditActor(), ct);
            return result.Outcome switch
            {
                LiftOutcome.Done => TypedResults.Ok(new LiftStatusResponse(KillSwitchStatus.Lifted)),
                _ => Refused(id, result),
            };
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(e, "The lift is recorded and takes effect everywhere once every instance applies it.");
        }
    }

    private static ProblemHttpResult Refused(Guid id, LiftResult result) => TypedResults.Problem(
        statusCode: result.Outcome switch
        {
            LiftOutcome.NotFound => StatusCodes.Status404NotFound,
            LiftOutcome.SameAdmin => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        },
        detail: KillSwitchInput.RefusalMessage(id, result));
}
