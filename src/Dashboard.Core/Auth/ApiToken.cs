namespace Dashboard.Core.Auth;

/// <summary>A staff API token: bearer, tied to a staff user and acting with that user's role. Stored as SHA-256.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required byte[] TokenHash { get; set; }
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
