using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy.Erasers;

/// <summary>
/// The account's logins: email, user name, phone and password replaced or removed, a new security stamp (existing
/// sign-in cookies stop validating) and locked out for good, so the erased person can no longer sign in.
/// External logins, stored tokens and claims are deleted.
/// </summary>
internal sealed class IdentityUserEraser : IPersonalDataEraser
{
    public async Task<ErasureStep> EraseAsync(DashboardDbContext db, ErasureSubject subject, CancellationToken ct)
    {
        var users = await db.Users.Where(u => subject.UserIds.Contains(u.Id)).ToListAsync(ct);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            // One login per account is the rule; a second one still needs a user name of its own.
            var email = i == 0 ? subject.PseudonymEmail : $"erased-{user.Id}@erased.invalid";
            user.Email = email;
            user.NormalizedEmail = email.ToUpperInvariant();
            user.UserName = email;
            user.NormalizedUserName = email.ToUpperInvariant();
            user.EmailConfirmed = false;
            user.DisplayName = subject.Pseudonym;
            user.PhoneNumber = null;
            user.PhoneNumberConfirmed = false;
            user.PasswordHash = null;
            user.TwoFactorEnabled = false;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
        await db.SaveChangesAsync(ct);
        var removed = await db.UserLogins.Where(l => subject.UserIds.Contains(l.UserId)).ExecuteDeleteAsync(ct)
            + await db.UserTokens.Where(t => subject.UserIds.Contains(t.UserId)).ExecuteDeleteAsync(ct)
            + await db.UserClaims.Where(c => subject.UserIds.Contains(c.UserId)).ExecuteDeleteAsync(ct);
        return new ErasureStep("identity_users", users.Count + removed);
    }
}
