using System.Security.Claims;

namespace Dashboard.Web.Auth;

/// <summary>Claim types the app adds on top of Identity's name, id and role claims.</summary>
public static class DashboardClaims
{
    /// <summary>A customer's <see cref="Core.Accounts.Account"/> id (uuid); pages and queries filter by it.</summary>
    public const string AccountId = "account_id";

    /// <summary>The integration a bridge key belongs to (uuid).</summary>
    public const string IntegrationId = "integration_id";

    /// <summary>The integration's slug, e.g. <c>google-assistant</c>.</summary>
    public const string IntegrationKey = "integration_key";

    /// <summary>The staff API token or bridge key that authenticated the request (uuid), for audit and telemetry.</summary>
    public const string CredentialId = "credential_id";
}

public static class DashboardClaimsPrincipalExtensions
{
    /// <summary>The Identity user id, or null for a bridge or an anonymous caller.</summary>
    public static string? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType == AuthSchemes.BridgeKey ? null : principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The customer's account id, or null when the caller is not a customer with an account.</summary>
    public static Guid? AccountId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(DashboardClaims.AccountId), out var id) ? id : null;

    /// <summary>The integration of a caller authenticated by bridge key, or null.</summary>
    public static Guid? IntegrationId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(DashboardClaims.IntegrationId), out var id) ? id : null;

    public static string? IntegrationKey(this ClaimsPrincipal principal) => principal.FindFirstValue(DashboardClaims.IntegrationKey);

    /// <summary>
    /// Who to name as the actor of an audit entry: the user id for people and staff tokens,
    /// <c>integration:&lt;key&gt;</c> for a bridge.
    /// </summary>
    public static string AuditActor(this ClaimsPrincipal principal) =>
        principal.IntegrationKey() is { } key ? "integration:" + key
        : principal.UserId() ?? throw new InvalidOperationException("An anonymous caller cannot change state.");
}
