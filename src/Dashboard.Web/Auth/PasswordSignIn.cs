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
/// Email-and-password sign-in with lockout. Looks the login up by email (whatever its user name) and counts
/// failures towards lockout. An unknown email gets what a real login gets, so neither the message nor the time
/// taken tells which emails have logins: the same "invalid" answer, the same lockout after the same number of
/// failures (<see cref="UnknownLoginFailures"/>), and one password hash computed on every attempt, including
/// the attempts Identity refuses before hashing because the login is locked.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<DashboardUser> signInManager,
    IPasswordHasher<DashboardUser> passwordHasher,
    UnknownLoginFailures unknownLogins,
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
            SpendHashingTime(password);
            var normalized = users.NormalizeEmail(email.Trim()) ?? "";
            var lockedUntil = unknownLogins.LockedUntil(normalized) ?? unknownLogins.RecordFailure(normalized);
            return lockedUntil is null ? (SignInOutcome.InvalidCredentials, null) : (SignInOutcome.LockedOut, lockedUntil);
        }

        var alreadyLocked = await users.IsLockedOutAsync(user);
        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            AuthLog.SignedIn(logger, user.Id);
            return (SignInOutcome.SignedIn, null);
        }
        if (result.IsLockedOut)
        {
            if (alreadyLocked)
            {
                // Identity refused without checking the password; spend the time a check takes anyway.
                SpendHashingTime(password);
            }
            AuthLog.LockedOut(logger, user.Id);
            return (SignInOutcome.LockedOut, await users.GetLockoutEndDateAsync(user));
        }
        return (result.IsNotAllowed || result.RequiresTwoFactor ? SignInOutcome.NotAllowed : SignInOutcome.InvalidCredentials, null);
    }

    private void SpendHashingTime(string password) =>
        passwordHasher.VerifyHashedPassword(new DashboardUser(), DecoyHash.Value, password);
}
