namespace Dashboard.Core.Integrations;

/// <summary>A bearer credential identifying an integration's bridge. Only its SHA-256 hash is stored.</summary>
public sealed class BridgeKey
{
    public Guid Id { get; set; }
    public Guid IntegrationId { get; set; }
    public required byte[] KeyHash { get; set; }

    /// <summary>The first characters of the key, to tell keys apart in the UI.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the key was rotated with an overlap window: refused from this time on.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsValidAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
