using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Dashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.UnitTests.Auth;

/// <summary>Builds a <see cref="BridgeKeyDirectory"/> filled by hand (no database is ever reached).</summary>
internal static class BridgeKeys
{
    public static readonly Guid AlexaId = Guid.Parse("00000000-0000-0000-0000-00000000a1e0");

    public static BridgeKeyDirectory Directory(TimeProvider clock, DashboardAuthOptions? options = null) =>
        new(new UnusedContexts(), clock, Options.Create(options ?? new DashboardAuthOptions()));

    public static BridgeCredential Credential(string secret, DateTime? expiresAt = null, DateTime? revokedAt = null) =>
        new(new BridgeKey
        {
            Id = Guid.NewGuid(),
            IntegrationId = AlexaId,
            KeyHash = SecretHash.Sha256(secret),
            Prefix = SecretHash.DisplayPrefix(secret),
            ExpiresAt = expiresAt,
            RevokedAt = revokedAt,
        }, "alexa");

    private sealed class UnusedContexts : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => throw new InvalidOperationException("These tests never load from a database.");
    }
}
