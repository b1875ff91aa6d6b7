using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.Staff);

        accounts.MapGet("", SearchAsync)
            .WithName("SearchAccounts")
            .WithSummary("Search accounts by email prefix or exact id; ordered by email.");

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
}
