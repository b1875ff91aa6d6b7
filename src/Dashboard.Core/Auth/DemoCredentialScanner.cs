using Dashboard.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Auth;

/// <summary>One well-known demo credential that would still let someone in.</summary>
public sealed record DemoCredentialFinding(string Kind, string Description);

/// <summary>
/// Finds the Development demo credentials of <see cref="WellKnownDemoSecrets"/> in a database: demo logins whose
/// password is still the demo password, and staff tokens or bridge keys whose hash is one of the demo secrets'.
/// Those secrets are published, so outside Development their presence is an open door.
/// </summary>
public sealed class DemoCredentialScanner(
    IDbContextFactory<DashboardDbContext> contexts,
    IPasswordHasher<DashboardUser> passwordHasher,
    ILookupNormalizer normalizer)
{
    public async Task<IReadOnlyList<DemoCredentialFinding>> ScanAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var findings = new List<DemoCredentialFinding>();
        findings.AddRange(await DemoPasswordsAsync(db, ct));
        findings.AddRange(await DemoStaffTokensAsync(db, ct));
        findings.AddRange(await DemoBridgeKeysAsync(db, ct));
        return findings;
    }

    private async Task<IEnumerable<DemoCredentialFinding>> DemoPasswordsAsync(DashboardDbContext db, CancellationToken ct)
    {
        var emails = WellKnownDemoSecrets.LoginEmails.Select(e => normalizer.NormalizeEmail(e)).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail) && u.PasswordHash != null)
            .OrderBy(u => u.NormalizedEmail)
            .ToListAsync(ct);
        // Identity's verification (PBKDF2) is slow on purpose; six users at start-up is fine.
        return users
            .Where(u => passwordHasher.VerifyHashedPassword(u, u.PasswordHash!, WellKnownDemoSecrets.Password)
                != PasswordVerificationResult.Failed)
            .Select(u => new DemoCredentialFinding("login", $"{u.Email} still has the demo password"))
            .ToList();
    }

    private static async Task<IEnumerable<DemoCredentialFinding>> DemoStaffTokensAsync(DashboardDbContext db, CancellationToken ct)
    {
        var demo = WellKnownDemoSecrets.StaffTokens.Values.ToDictionary(SecretDigest.Of);
        var hashes = demo.Keys.Select(d => d.ToHash()).ToList();
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => hashes.Contains(t.TokenHash))
            .Select(t => new { t.Id, t.TokenHash })
            .ToListAsync(ct);
        return found.Select(t => new DemoCredentialFinding(
            "staff API token", $"api_tokens row {t.Id} is the demo token '{demo[SecretDigest.FromHash(t.TokenHash)]}'"));
    }

    private static async Task<IEnumerable<DemoCredentialFinding>> DemoBridgeKeysAsync(DashboardDbContext db, CancellationToken ct)
    {
        var demo = WellKnownDemoSecrets.BridgeKeys.Values.ToDictionary(SecretDigest.Of);
        var hashes = demo.Keys.Select(d => d.ToHash()).ToList();
        var found = await db.BridgeKeys.AsNoTracking()
            .Where(k => hashes.Contains(k.KeyHash))
            .Select(k => new { k.Id, k.KeyHash })
            .ToListAsync(ct);
        return found.Select(k => new DemoCredentialFinding(
            "bridge key", $"bridge_keys row {k.Id} is the demo key '{demo[SecretDigest.FromHash(k.KeyHash)]}'"));
    }
}
