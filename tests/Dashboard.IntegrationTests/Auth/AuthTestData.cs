using Dashboard.Core.Accounts;
using Dashboard.Core.Auth;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Auth;

/// <summary>Arranges users, staff tokens and bridge keys directly, the way seeding or the UI would leave them.</summary>
internal static class AuthTestData
{
    public const string Password = "Correct-horse-9";

    /// <summary>A user with <paramref name="role"/> (a customer gets an account too); unique email per call.</summary>
    public static async Task<DashboardUser> CreateUserAsync(DashboardAppFactory app, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        Guid? accountId = null;
        if (role == Roles.Customer)
        {
            await using var db = app.CreateDbContext();
            var account = new Account
            {
                Id = Guid.NewGuid(), Email = email, DisplayName = "Test customer", Region = "EU", CreatedAt = DateTime.UtcNow,
            };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            (await roles.CreateAsync(new IdentityRole(role))).Succeeded.ShouldBeTrue();
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, AccountId = accountId };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }

    /// <summary>Issues a staff token through the real service; returns the secret.</summary>
    public static async Task<IssuedApiToken> IssueTokenAsync(DashboardAppFactory app, DashboardUser user, string name = "test")
    {
        var tokens = app.Services.GetRequiredService<ApiTokenService>();
        return await tokens.IssueAsync(user.Id, user.Id, name);
    }

    /// <summary>Creates an integration with a bridge key; the key is not yet in the app's memory.</summary>
    public static async Task<(Integration Integration, string Key)> CreateIntegrationAsync(
        DashboardAppFactory app, DateTime? keyExpiresAt = null)
    {
        await using var db = app.CreateDbContext();
        var integration = new Integration
        {
            Id = Guid.NewGuid(),
            Key = "it-" + Guid.NewGuid().ToString("N")[..12],
            Name = "Test integration",
            Kind = IntegrationKind.Assistant,
            CreatedAt = DateTime.UtcNow,
        };
        db.Integrations.Add(integration);
        var key = SecretHash.NewSecret("fdb");
        db.BridgeKeys.Add(NewKey(integration.Id, key, keyExpiresAt));
        await db.SaveChangesAsync();
        return (integration, key);
    }

    public static async Task<string> AddBridgeKeyAsync(DashboardAppFactory app, Guid integrationId, DateTime? expiresAt = null)
    {
        await using var db = app.CreateDbContext();
        var key = SecretHash.NewSecret("fdb");
        db.BridgeKeys.Add(NewKey(integrationId, key, expiresAt));
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Makes the app reload bridge keys now, as a change on this instance would.</summary>
    public static Task RefreshBridgeKeysAsync(DashboardAppFactory app) =>
        app.Services.GetRequiredService<BridgeKeyDirectory>().RefreshAsync();

    private static BridgeKey NewKey(Guid integrationId, string key, DateTime? expiresAt) => new()
    {
        Id = Guid.NewGuid(),
        IntegrationId = integrationId,
        KeyHash = SecretHash.Sha256(key),
        Prefix = SecretHash.DisplayPrefix(key),
        CreatedAt = DateTime.UtcNow,
        ExpiresAt = expiresAt,
    };
}
