using System.Text.RegularExpressions;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Integrations;

/// <summary>An integration as the catalog page lists it.</summary>
public sealed record IntegrationView(
    Guid Id,
    string Key,
    string Name,
    IntegrationKind Kind,
    AccessActions Actions,
    bool AcceptsNewLinks,
    int ActiveLinks,
    IReadOnlyList<BridgeKeyView> Keys);

/// <summary>A bridge key without its secret: the prefix tells keys apart.</summary>
public sealed record BridgeKeyView(Guid Id, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt)
{
    public bool IsValidAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A new bridge key: <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record IssuedBridgeKey(Guid Id, string Secret, string Prefix, DateTime? OldKeyExpiresAt = null);

/// <summary>What a vendor admin fills in for an integration.</summary>
public sealed record IntegrationDraft(string? Key, string? Name, IntegrationKind Kind, AccessActions Actions, bool AcceptsNewLinks = true);

/// <summary>A refused catalog change, naming the field.</summary>
public sealed class IntegrationCatalogException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The integration catalog (vendor admins): add and edit integrations, issue and rotate bridge keys, stop new links.
/// Every change is audited in its transaction. A change to what an integration may ask for changes decisions, so it
/// bumps the policy revision and returns only after every enforcement point applied it. Bridge keys are stored as
/// SHA-256 only; after a key change, the caller reloads this instance's key directory (others reload within their
/// refresh interval).
/// </summary>
public sealed partial class IntegrationCatalog(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditLog audit,
    ChangeNotifier notifier,
    PropagationWaiter waiter,
    TimeProvider clock)
{
    public const string EntityType = "integration";
    public const string KeyPrefix = "fdb";
    public const int MaxKeyLength = 64;
    public const int MaxNameLength = 120;

    public async Task<IReadOnlyList<IntegrationView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var integrations = await db.Integrations.AsNoTracking().OrderBy(i => i.Name).ThenBy(i => i.Key).ToListAsync(ct);
        var links = await db.AccountLinks.AsNoTracking()
            .Where(l => l.Status == LinkStatus.Active)
            .GroupBy(l => l.IntegrationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var keys = await db.BridgeKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return integrations.Select(i => new IntegrationView(
                i.Id, i.Key, i.Name, i.Kind, i.Actions, i.AcceptsNewLinks, links.GetValueOrDefault(i.Id),
                keys.Where(k => k.IntegrationId == i.Id)
                    .Select(k => new BridgeKeyView(k.Id, k.Prefix, k.CreatedAt, k.ExpiresAt, k.RevokedAt))
                    .ToArray()))
            .ToArray();
    }

    /// <summary>Adds an integration (no key yet: issue one next).</summary>
    public async Task<Guid> AddAsync(IntegrationDraft draft, string actor, CancellationToken ct = default)
    {
        var key = ValidKey(draft.Key);
        var name = ValidName(draft.Name);
        var actions = ValidActions(draft.Actions);
        var integration = new Integration
        {
            Id = Guid.CreateVersion7(),
            Key = key,
            Name = name,
            Kind = draft.Kind,
            Actions = actions,
            AcceptsNewLinks = draft.AcceptsNewLinks,
            CreatedAt = Now(),
        };
        long revision;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Serializes adds, so the uniqueness check below cannot race another add of the same key.
            await db.Database.ExecuteSqlAsync($"LOCK TABLE integrations IN SHARE ROW EXCLUSIVE MODE", ct);
            if (await db.Integrations.AnyAsync(i => i.Key == key, ct))
            {
                throw new IntegrationCatalogException("key", $"An integration with the key '{key}' exists already.");
            }
            db.Integrations.Add(integration);
            revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.ForIntegrations(integration.Id), ct);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(db, new AuditRecord(actor, "integration.created", EntityType, integration.Id.ToString(), null,
                new { key, name, kind = draft.Kind.ToString(), actions = ActionNames(actions), acceptsNewLinks = draft.AcceptsNewLinks }), ct);
            await transaction.CommitAsync(ct);
        }
        await waiter.WaitAsync(revision, ct);
        return integration.Id;
    }

    /// <summary>
    /// Changes name, kind, actions and whether new links are taken. The key never changes: kill switch scopes and
    /// bridges name the integration by it. Returns false when there is no such integration.
    /// </summary>
    public async Task<bool> UpdateAsync(Guid id, IntegrationDraft draft, string actor, CancellationToken ct = default)
    {
        var name = ValidName(draft.Name);
        var actions = ValidActions(draft.Actions);
        long? revision = null;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var integration = await db.Integrations
                .FromSql($"SELECT * FROM integrations WHERE id = {id} FOR UPDATE")
                .SingleOrDefaultAsync(ct);
            if (integration is null)
            {
                return false;
            }
            var before = new { name = integration.Name, kind = integration.Kind.ToString(), actions = ActionNames(integration.Actions), acceptsNewLinks = integration.AcceptsNewLinks };
            var decisionsChange = integration.Kind != draft.Kind || integration.Actions != actions;
            if (before.name == name && !decisionsChange && integration.AcceptsNewLinks == draft.AcceptsNewLinks)
            {
                return true;
            }
            integration.Name = name;
            integration.Kind = draft.Kind;
            integration.Actions = actions;
            integration.AcceptsNewLinks = draft.AcceptsNewLinks;
            // Kind and actions decide (kill switch scopes by kind, action_not_granted); the rest is read from the
            // catalog too, so every change reloads it.
            revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.ForIntegrations(id), ct);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(db, new AuditRecord(actor, "integration.updated", EntityType, id.ToString(), null,
                new
                {
                    before,
                    after = new { name, kind = draft.Kind.ToString(), actions = ActionNames(actions), acceptsNewLinks = draft.AcceptsNewLinks },
                }), ct);
            await transaction.CommitAsync(ct);
        }
        await waiter.WaitAsync(revision.Value, ct);
        return true;
    }

    /// <summary>A new bridge key for the integration; the others keep working. Null when there is no such integration.</summary>
    public async Task<IssuedBridgeKey?> IssueKeyAsync(Guid integrationId, string actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Integrations.AnyAsync(i => i.Id == integrationId, ct))
        {
            return null;
        }
        var issued = AddKey(db, integrationId);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditRecord(actor, "bridge_key.issued", EntityType, integrationId.ToString(), null,
            new { key = issued.Id, prefix = issued.Prefix }), ct);
        await transaction.CommitAsync(ct);
        return issued;
    }

    /// <summary>
    /// Replaces a key: a new one is issued and the old one works for <paramref name="overlap"/> more (zero: refused from
    /// now on), so a live bridge can switch without an outage. Null when the key is not a usable key of the integration.
    /// </summary>
    public async Task<IssuedBridgeKey?> RotateKeyAsync(
        Guid integrationId, Guid keyId, TimeSpan overlap, string actor, CancellationToken ct = default)
    {
        if (overlap < TimeSpan.Zero || overlap > TimeSpan.FromDays(30))
        {
            throw new IntegrationCatalogException("overlap", "The overlap is between none and 30 days.");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var old = await db.BridgeKeys
            .FromSql($"SELECT * FROM bridge_keys WHERE id = {keyId} AND integration_id = {integrationId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        var now = Now();
        if (old is null || !old.IsValidAt(now))
        {
            return null;
        }
        var expiresAt = now + overlap;
        // An earlier overlap that ends sooner is kept: rotating again never extends an old key's life.
        old.ExpiresAt = old.ExpiresAt is { } earlier && earlier < expiresAt ? earlier : expiresAt;
        var issued = AddKey(db, integrationId) with { OldKeyExpiresAt = old.ExpiresAt };
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditRecord(actor, "bridge_key.rotated", EntityType, integrationId.ToString(), null,
            new { oldKey = old.Id, oldKeyExpiresAt = old.ExpiresAt, key = issued.Id, prefix = issued.Prefix }), ct);
        await transaction.CommitAsync(ct);
        return issued;
    }

    private IssuedBridgeKey AddKey(DashboardDbContext db, Guid integrationId)
    {
        var secret = SecretHash.NewSecret(KeyPrefix);
        var key = new BridgeKey
        {
            Id = Guid.CreateVersion7(),
            IntegrationId = integrationId,
            KeyHash = SecretHash.Sha256(secret),
            Prefix = SecretHash.DisplayPrefix(secret),
            CreatedAt = Now(),
        };
        db.BridgeKeys.Add(key);
        return new IssuedBridgeKey(key.Id, secret, key.Prefix);
    }

    private static string ValidKey(string? key)
    {
        var trimmed = key?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxKeyLength || !Slug().IsMatch(trimmed))
        {
            throw new IntegrationCatalogException("key",
                $"A key is 1 to {MaxKeyLength} lower-case letters and digits in words joined by single hyphens, e.g. google-assistant.");
        }
        return trimmed;
    }

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw new IntegrationCatalogException("name", $"A name is 1 to {MaxNameLength} characters.");
        }
        return trimmed;
    }

    private static AccessActions ValidActions(AccessActions actions)
    {
        if (actions == AccessActions.None || (actions & ~AccessActions.All) != 0)
        {
            throw new IntegrationCatalogException("actions", "Choose at least one action.");
        }
        return actions;
    }

    private static string[] ActionNames(AccessActions actions) =>
        AccessActionNames.Each.Where(a => actions.HasFlag(a.Action)).Select(a => a.Name).ToArray();

    // Microseconds: what PostgreSQL stores, so a value read back equals the one written.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
