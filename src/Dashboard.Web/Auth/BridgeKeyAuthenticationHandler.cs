using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Core.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Integration bridge keys, answered from <see cref="BridgeKeyDirectory"/> (memory). The principal carries the
/// integration's id and slug and no role, so no staff policy can ever accept it.
/// </summary>
public sealed class BridgeKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BridgeKeyDirectory directory)
    : BearerAuthenticationHandler(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Request, out var secret))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var lookup = directory.Authenticate(SecretDigest.Of(secret), out var credential);
        return Task.FromResult(lookup switch
        {
            BridgeKeyLookup.Valid => AuthenticateResult.Success(new AuthenticationTicket(Principal(credential!), Scheme.Name)),
            BridgeKeyLookup.Unknown => AuthenticateResult.Fail("Unknown bridge key."),
            BridgeKeyLookup.Expired => AuthenticateResult.Fail("Revoked or expired bridge key."),
            BridgeKeyLookup.Unavailable => Unavailable(),
        });
    }

    private AuthenticateResult Unavailable()
    {
        Context.Items[AuthProblems.UnavailableItem] = true;
        return AuthenticateResult.Fail("Bridge keys could not be loaded recently enough to trust.");
    }

    private ClaimsPrincipal Principal(BridgeCredential credential)
    {
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, "integration:" + credential.IntegrationKey));
        identity.AddClaim(new Claim(DashboardClaims.IntegrationId, credential.Key.IntegrationId.ToString()));
        identity.AddClaim(new Claim(DashboardClaims.IntegrationKey, credential.IntegrationKey));
        identity.AddClaim(new Claim(DashboardClaims.CredentialId, credential.Key.Id.ToString()));
        return new ClaimsPrincipal(identity);
    }
}
