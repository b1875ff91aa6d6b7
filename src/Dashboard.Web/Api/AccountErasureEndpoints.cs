using System.Security.Claims;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>Erasure of a customer account's personal data, for vendor admins (decision 0029).</summary>
public static class AccountErasureEndpoints
{
    // The audit log keeps reasons in full; a bound keeps one request from writing megabytes into it.
    private const int MaxReasonLength = 2000;

    public static RouteGroupBuilder MapAccountErasureEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.VendorAdmin)
            .MapPost("/{id}/erasure", EraseAsync)
            .WithName("EraseAccount")
            .WithSummary("Erase a customer account's personal data (email, names, logins; staff-typed text naming it) "
                + "and end its links. Its devices must be released first (409 otherwise); a second erasure is a 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    internal static async Task<Results<Ok<AccountErasureReport>, ValidationProblem, ProblemHttpResult>> EraseAsync(
        string id, AccountReasonRequest request, ClaimsPrincipal user, AccountErasure erasure, ResourceGuard guard,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var accountId = errors.RequireUuid("id", id);
        var reason = errors.RequireText("reason", request.Reason);
        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"Must be at most {MaxReasonLength} characters.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await guard.AccountAsync(user, accountId!.Value, AccountOperations.Erase) is { } refused)
        {
            return refused;
        }
        AccountErasureResult result;
        try
        {
            result = await erasure.EraseAsync(accountId!.Value, reason!, user.ChangeActor(), ct);
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(
                e, "The erasure is recorded; the ended links stop everywhere once every instance applies it.");
        }
        return result.Outcome switch
        {
            AccountErasureOutcome.Done => TypedResults.Ok(result.Report!),
            AccountErasureOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: result.Problem),
            AccountErasureOutcome.Conflict => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Not erased", detail: result.Problem),
        };
    }
}
