using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;

namespace Dashboard.Web.Api;

/// <summary>One link of <c>GET /api/v1/accounts/{id}/links</c>: actions by wire name, exposed serials sorted.</summary>
public sealed record AccountLinkResponse(
    string Integration,
    string IntegrationName,
    string Status,
    DateTime LinkedAt,
    DateTime? LastUsedAt,
    IReadOnlyList<string> GrantedActions,
    IReadOnlyList<string> Exposed)
{
    public static AccountLinkResponse Of(AccountLinkView link) => new(
        link.IntegrationKey, link.IntegrationName, link.Status == LinkStatus.Active ? "active" : "revoked",
        link.LinkedAt, link.LastUsedAt,
        AccessActionNames.Each.Where(a => link.GrantedActions.HasFlag(a.Action)).Select(a => a.Name).ToList(),
        link.ExposedSerials);
}
