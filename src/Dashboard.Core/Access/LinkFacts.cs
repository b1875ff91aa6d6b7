using Dashboard.Core.Integrations;

namespace Dashboard.Core.Access;

/// <summary>The account's link to the asking integration. A revoked link is passed as it is; the engine treats it as none.</summary>
public sealed record LinkFacts(LinkStatus Status, AccessActions GrantedActions)
{
    public static LinkFacts From(AccountLink link) => new(link.Status, link.GrantedActions);
}
