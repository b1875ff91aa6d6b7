using Dashboard.Core.Auth;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Auth;

/// <summary>Outcome of a sign-in attempt, as the login page reports it.</summary>
public enum SignInOutcome
{
    SignedIn,
    InvalidCredentials,
    LockedOut,
    NotAllowed,
}

/// <summary>
/// Email-and-password sign-in with lockout. Looks the login up by email (whatever its user name), counts
/// failures towards lockout, and spends the same hashing time on an unknown email as on a wrong password so
/// response times do not reveal which emails have logins.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<DashboardUser> signInManager,
    IPasswordHasher<DashboardUser> passwordHasher,
    ILogger<PasswordSignIn> logger)
{
    private static readonly Lazy<string> DecoyHash =
        new(() => new PasswordHasher<DashboardUser>().HashPassword(new DashboardUser(), Guid.NewGuid().ToString()));

    public async Task<(SignInOutcome Outcome, DateTimeOffset? LockedUntil)> SignInAsync(
        string email, string password, bool remember)
    {
        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            passwordHasher.VerifyHashedPassword(new DashboardUser(), DecoyHash.Value, password);
            return (SignInOutcome.InvalidCredentials, null);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return (SignInOutcome.SignedIn, null);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out after failed sign-ins", user.Id);
            return (SignInOutcome.LockedOut, await users.GetLockoutEndDateAsync(user));
        }
        return (result.IsNotAllowed || result.RequiresTwoFactor ? SignInOutcome.NotAllowed : SignInOutcome.InvalidCredentials, null);
    }
}
