using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Staff API tokens: the SHA-256 of the bearer value is looked up in <c>api_tokens</c> (not revoked) together
/// with its user and the user's roles, so the token acts with exactly the role its user has now. The staff API
/// is not the hot path, and reading per request makes a revocation or a role change effective at once.
/// </summary>
public sealed class StaffTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<DashboardDbContext> contexts,
    ApiTokenUsage usage,
    BridgeKeyDirectory bridgeKeys,
    TimeProvider clock,
    Hosting.PooledConnections pools)
    : BearerAuthenticationHandler(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Request, out var secret))
        {
            return BearerToken.IsPresent(Request) ? AuthenticateResult.Fail("Malformed Authorization header.") : AuthenticateResult.NoResult();
        }

        var digest = SecretDigest.Of(secret);
        try
        {
            var token = await FindAsync(digest.ToHash(), Context.RequestAborted);
            if (token is not null)
            {
                usage.Record(token.TokenId, clock.GetUtcNow().UtcDateTime);
                return AuthenticateResult.Success(new AuthenticationTicket(Principal(token), Scheme.Name));
            }

            // Not a staff token: it may be a bridge key issued on another instance since this one last loaded them.
            if (await bridgeKeys.RefreshIfStaleAsync(Context.RequestAborted) && bridgeKeys.Find(digest) is not null)
            {
                return await Context.AuthenticateAsync(AuthSchemes.BridgeKey);
            }
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Cannot tell a good token from a bad one: fail closed with a 503 rather than a misleading 401.
            AuthLog.StaffTokenLookupFailed(Logger, e);
            if (DatabaseUnavailable.Is(e))
            {
                pools.Forget();
            }
            Context.Items[AuthProblems.UnavailableItem] = true;
            return AuthenticateResult.Fail("Credentials cannot be checked right now.");
        }
    }

    private async Task<StaffTokenRow?> FindAsync(byte[] hash, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users on t.UserId equals u.Id
            where t.TokenHash == hash && t.RevokedAt == null
            select new StaffTokenRow(
                t.Id,
                u.Id,
                u.UserName,
                u.Email,
                u.AccountId,
                (from ur in db.UserRoles
                 join r in db.Roles on ur.RoleId equals r.Id
                 where ur.UserId == u.Id
                 select r.Name).ToList()))
            .FirstOrDefaultAsync(ct);
    }

    private ClaimsPrincipal Principal(StaffTokenRow token)
    {
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, token.UserId));
        identity.AddClaim(new Claim(ClaimTypes.Name, token.UserName ?? token.Email ?? token.UserId));
        if (token.Email is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, token.Email));
        }
        if (token.AccountId is { } accountId)
        {
            identity.AddClaim(new Claim(DashboardClaims.AccountId, accountId.ToString()));
        }
        identity.AddClaim(new Claim(DashboardClaims.CredentialId, token.TokenId.ToString()));
        foreach (var role in token.Roles.OfType<string>())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
        return new ClaimsPrincipal(identity);
    }

    private sealed record StaffTokenRow(
        Guid TokenId, string UserId, string? UserName, string? Email, Guid? AccountId, List<string?> Roles);
}
