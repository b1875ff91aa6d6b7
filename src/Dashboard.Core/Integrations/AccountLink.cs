using Dashboard.Core.Access;

namespace Dashboard.Core.Integrations;

/// <summary>An account's link to an integration. At most one active link per account and integration.</summary>
public sealed class AccountLink
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public Guid IntegrationId { get; set; }
    public LinkStatus Status { get; set; } = LinkStatus.Active;
    public DateTime LinkedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public AccessActions GrantedActions { get; set; } = AccessActions.All;
}

public enum LinkStatus
{
    Active,
    Revoked,
}
