using Dashboard.Core.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Auth;

/// <summary>
/// Sign-out, the one account endpoint that is not a page: a POST carrying an antiforgery token (a form field bound
/// with [FromForm] makes the antiforgery middleware validate it), so no other site can sign a user out.
/// </summary>
public static class SignOutEndpoint
{
    public const string LogoutPath = "/Account/Logout";

    public static IEndpointRouteBuilder MapSignOutEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, async (SignInManager<DashboardUser> signInManager, [FromForm(Name = "ReturnUrl")] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
        })
        .WithName("Logout")
        .ExcludeFromDescription();
        return endpoints;
    }
}
