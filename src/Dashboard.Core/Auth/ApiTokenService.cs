using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Auth;

/// <summary>A staff token as the management page lists it. The secret itself is never stored.</summary>
public sealed record ApiTokenView(
    Guid Id,
    string Name,
    string UserId,
    string UserEmail,
    string Prefix,
    DateTime CreatedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A freshly issued token: <see cref="Secret"/> is shown once and cannot be recovered afterwards.</summary>
public sealed record IssuedApiToken(ApiTokenView Token, string Secret);

/// <summary>A user who may hold a staff token (VendorAdmin or Support).</summary>
public sealed record StaffUser(string Id, string Email, string Role);

/// <summary>A request the service refuses, with a message fit to show the person who made it.</summary>
public sealed class ApiTokenException(string message) : Exception(message);

/// <summary>
/// Issues, lists, rotates and revokes staff API tokens. Tokens are random, shown once and stored as SHA-256;
/// every change is audited in its own transaction. Staff tokens do not take part in access decisions, so no
/// policy revision is bumped.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<DashboardDbContext> contexts, AuditLog audit, TimeProvider clock)
{
    /// <summary>Readable prefix of issued tokens ("fleet dashboard token").</summary>
    public const string SecretPrefix = "fdt";

    public const int MaxNameLength = 120;

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Staff tokens are a handful: ordering in memory keeps the projection simple.
        var tokens = await Views(db, db.ApiTokens).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
    }

    public async Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await StaffUsers(db, db.Users).ToListAsync(ct);
        // A user with both staff roles appears once, under the stronger one.
        return staff
            .GroupBy(u => u.Id)
            .Select(g => g.OrderBy(u => u.Role == Roles.VendorAdmin ? 0 : 1).First())
            .OrderBy(u => u.Email, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IssuedApiToken> IssueAsync(string actorUserId, string userId, string name, CancellationToken ct = default)
    {
        var trimmed = ValidName(name);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await StaffUsers(db, db.Users.Where(u => u.Id == userId)).AnyAsync(ct))
        {
            throw new ApiTokenException("Tokens can only be issued to VendorAdmin or Support users.");
        }
        var (token, secret) = NewToken(userId, trimmed);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditRecord(actorUserId, "api_token.issued", "api_token", token.Id.ToString(),
            Data: new { tokenId = token.Id, userId, name = trimmed, prefix = token.Prefix }), ct);
        await tx.CommitAsync(ct);
        return new IssuedApiToken(await Views(db, db.ApiTokens.Where(t => t.Id == token.Id)).SingleAsync(ct), secret);
    }

    /// <summary>Revokes the token and issues its replacement (same name, same user) in one transaction.</summary>
    public async Task<IssuedApiToken> RotateAsync(string actorUserId, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = await RevokeActiveAsync(db, tokenId, ct);
        var (token, secret) = NewToken(old.UserId, old.Name);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditRecord(actorUserId, "api_token.rotated", "api_token", token.Id.ToString(),
            Data: new { tokenId = token.Id, replacedTokenId = old.Id, userId = old.UserId, prefix = token.Prefix }), ct);
        await tx.CommitAsync(ct);
        return new IssuedApiToken(await Views(db, db.ApiTokens.Where(t => t.Id == token.Id)).SingleAsync(ct), secret);
    }

    public async Task RevokeAsync(string actorUserId, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await RevokeActiveAsync(db, tokenId, ct);
        await audit.AppendAsync(db, new AuditRecord(actorUserId, "api_token.revoked", "api_token", token.Id.ToString(),
            Data: new { tokenId = token.Id, userId = token.UserId, prefix = token.Prefix }), ct);
        await tx.CommitAsync(ct);
    }

    private async Task<ApiToken> RevokeActiveAsync(DashboardDbContext db, Guid tokenId, CancellationToken ct)
    {
        // Row lock: two people revoking or rotating the same token at once must not both succeed.
        var token = await db.ApiTokens
            .FromSql($"SELECT * FROM api_tokens WHERE id = {tokenId} FOR UPDATE")
            .SingleOrDefaultAsync(ct)
            ?? throw new ApiTokenException("That token does not exist.");
        if (token.RevokedAt is not null)
        {
            throw new ApiTokenException("That token is already revoked.");
        }
        token.RevokedAt = Now();
        await db.SaveChangesAsync(ct);
        return token;
    }

    private (ApiToken Token, string Secret) NewToken(string userId, string name)
    {
        var secret = SecretHash.NewSecret(SecretPrefix);
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            TokenHash = SecretHash.Sha256(secret),
            Prefix = SecretHash.DisplayPrefix(secret),
            CreatedAt = Now(),
        };
        return (token, secret);
    }

    private static string ValidName(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new ApiTokenException("Give the token a name that says what uses it.");
        }
        if (trimmed.Length > MaxNameLength || trimmed.Contains('\0'))
        {
            throw new ApiTokenException($"The name must be at most {MaxNameLength} printable characters.");
        }
        return trimmed;
    }

    // PostgreSQL keeps microseconds: truncating here makes what the caller sees equal what is stored.
    private DateTime Now()
    {
        var t = clock.GetUtcNow().UtcDateTime;
        return new DateTime(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
    }

    private static IQueryable<ApiTokenView> Views(DashboardDbContext db, IQueryable<ApiToken> tokens) =>
        from t in tokens.AsNoTracking()
        join u in db.Users on t.UserId equals u.Id
        select new ApiTokenView(t.Id, t.Name, t.UserId, u.Email ?? u.UserName ?? t.UserId, t.Prefix, t.CreatedAt,
            t.LastUsedAt, t.RevokedAt);

    private static IQueryable<StaffUser> StaffUsers(DashboardDbContext db, IQueryable<DashboardUser> users) =>
        from u in users.AsNoTracking()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.VendorAdmin || r.Name == Roles.Support
        select new StaffUser(u.Id, u.Email ?? u.UserName ?? u.Id, r.Name!);
}
