using System.Security.Claims;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public static class AccountAdministrationEndpoints
{
    public static RouteGroupBuilder MapAccountAdministrationEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.Staff);

        accounts.MapGet("", SearchAsync)
            .WithName("SearchAccounts")
            .WithSummary("Search accounts by email prefix or exact id; ordered by email.");

        accounts.MapGet("/{id}", GetAsync)
            .WithName("GetAccount")
            .WithSummary("One account: email, name, status and how many devices it owns.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RecordsStaffRead(StaffAccessKind.Account);

        accounts.MapGet("/{id}/links", LinksAsync)
            .WithName("GetAccountLinks")
            .WithSummary("The account's links (active first, then revoked), each with the devices it exposes.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RecordsStaffRead(StaffAccessKind.AccountLinks);

        accounts.MapPost("/{id}/lock", LockAsync)
            .WithName("LockAccount")
            .WithSummary("Lock an account: its checks answer account_locked once this returns. 409 if already locked.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        accounts.MapPost("/{id}/unlock", UnlockAsync)
            .WithName("UnlockAccount")
            .WithSummary("Unlock a locked account. 409 if it is not locked.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return api;
    }

    internal static async Task<Results<Ok<Paged<AccountSummary>>, ValidationProblem>> SearchAsync(
        string? query, int? page, int? pageSize, AccountSearch search, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await search.SearchAsync(query, paging, ct));
    }

    internal static async Task<Results<Ok<AccountSummary>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, AccountOverview accounts, ResourceGuard guard, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var accountId = errors.RequireUuid("id", id);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await guard.AccountAsync(user, accountId!.Value, AccountOperations.Read) is { } refused)
        {
            return refused;
        }
        return await accounts.FindAsync(accountId!.Value, ct) is { } account ? TypedResults.Ok(account) : AccountNotFound(id);
    }

    internal static async Task<Results<Ok<IReadOnlyList<AccountLinkResponse>>, ValidationProblem, ProblemHttpResult>> LinksAsync(
        string id, ClaimsPrincipal user, AccountOverview accounts, ResourceGuard guard, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var accountId = errors.RequireUuid("id", id);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await guard.AccountAsync(user, accountId!.Value, AccountOperations.ReadLinks) is { } refused)
        {
            return refused;
        }
        if (await accounts.FindAsync(accountId!.Value, ct) is null)
        {
            return AccountNotFound(id);
        }
        var links = await accounts.LinksAsync(accountId.Value, ct);
        return TypedResults.Ok<IReadOnlyList<AccountLinkResponse>>(links.Select(AccountLinkResponse.Of).ToList());
    }

    private static ProblemHttpResult AccountNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No account has the id '{id}'.");

    internal static Task<Results<Ok<AccountSummary>, ValidationProblem, ProblemHttpResult>> LockAsync(
        string id, AccountReasonRequest request, ClaimsPrincipal user, AccountLockService locks, ResourceGuard guard,
        CancellationToken ct) =>
        SetStatusAsync(id, request, user, guard, locks.LockAsync, ct);

    internal static Task<Results<Ok<AccountSummary>, ValidationProblem, ProblemHttpResult>> UnlockAsync(
        string id, AccountReasonRequest request, ClaimsPrincipal user, AccountLockService locks, ResourceGuard guard,
        CancellationToken ct) =>
        SetStatusAsync(id, request, user, guard, locks.UnlockAsync, ct);

    private static async Task<Results<Ok<AccountSummary>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        string id, AccountReasonRequest request, ClaimsPrincipal user, ResourceGuard guard,
        Func<Guid, string, ChangeActor, CancellationToken, Task<AccountLockResult>> change, CancellationToken ct)
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
        // Lock and unlock are one operation: whoever may do one may undo it.
        if (await guard.AccountAsync(user, accountId!.Value, AccountOperations.Lock) is { } refused)
        {
            return refused;
        }
        AccountLockResult result;
        try
        {
            result = await change(accountId!.Value, reason!, user.ChangeActor(), ct);
        }
        catch (PropagationTimeoutException e)
        {
            return PropagationProblems.NotConfirmed(e);
        }
        return result.Outcome switch
        {
            AccountLockOutcome.Done => TypedResults.Ok(result.Account!),
            AccountLockOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: result.Problem),
            AccountLockOutcome.Conflict => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Nothing to change", detail: result.Problem),
        };
    }

    // The audit log keeps reasons in full; a bound keeps one request from writing megabytes into the chain.
    private const int MaxReasonLength = 2000;
}
