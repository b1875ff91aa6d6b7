using System.Security.Claims;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Components.Shared;

/// <summary>The <see cref="Core.Accounts.Account"/> a signed-in customer acts for.</summary>
internal static class SignedInAccount
{
    /// <summary>Issued at sign-in for customers, so most pages need no extra query.</summary>
    public const string ClaimType = "account_id";

    /// <summary>
    /// The account id from the sign-in claim, or else from the user row (a cookie issued before the claim existed).
    /// Reads through a short-lived context instead of UserManager, which would hold one for the circuit's life.
    /// </summary>
    public static async Task<Guid?> IdAsync(ClaimsPrincipal user, IDbContextFactory<DashboardDbContext> dbFactory, CancellationToken ct = default)
    {
        if (Guid.TryParse(user.FindFirstValue(ClaimType), out var fromClaim))
        {
            return fromClaim;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.AccountId).SingleOrDefaultAsync(ct);
    }
}
