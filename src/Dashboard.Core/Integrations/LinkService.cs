using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Integrations;

/// <summary>
/// Every change to account links and exposures: a bridge reporting a link or an unlink, a customer switching a
/// camera's exposure or unlinking, support revoking for a customer. Each change is one transaction with its audit entry
/// and the policy revision bump, and returns only after every enforcement point applied it. Callers pass the account
/// they act for: for a customer, always the signed-in user's own account, so another customer's link or camera is
/// simply not found.
/// </summary>
public sealed class LinkService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditLog audit,
    ChangeNotifier notifier,
    PropagationWaiter waiter,
    TimeProvider clock)
{
    public const string EntityType = "account_link";

    /// <summary>
    /// A bridge says the account linked on its side: creates or reactivates the link with every action the integration
    /// offers, and makes the link's exposures exactly the listed devices the account owns. Idempotent.
    /// </summary>
    public async Task<LinkReport> ReportLinkAsync(
        Guid integrationId, Guid accountId, IReadOnlyCollection<string> serials, string actor, CancellationToken ct = default)
    {
        var wanted = serials.Select(Device.CanonicalSerial).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        long revision;
        string[] exposed;
        string[] ignored;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await LockAccountAsync(db, accountId, ct))
            {
                return new LinkReport(LinkReportOutcome.UnknownAccount, [], wanted);
            }
            var integration = await db.Integrations.AsNoTracking().SingleAsync(i => i.Id == integrationId, ct);
            var link = await ActiveLinkAsync(db, accountId, integrationId, ct);
            if (link is null && !integration.AcceptsNewLinks)
            {
                return new LinkReport(LinkReportOutcome.NewLinksStopped, [], wanted);
            }

            // Shared row locks: an ownership change of these devices waits for this commit (and one committed first is
            // seen here), so an exposure is never created for a device its account no longer owns.
            var owned = await db.Devices
                .FromSql($"SELECT * FROM devices WHERE serial = ANY({wanted}) AND owner_id = {accountId} FOR SHARE")
                .AsNoTracking()
                .Select(d => new { d.Id, d.Serial })
                .ToListAsync(ct);
            exposed = owned.Select(d => d.Serial).Order(StringComparer.Ordinal).ToArray();
            ignored = wanted.Except(exposed, StringComparer.Ordinal).ToArray();

            var created = link is null;
            if (link is null)
            {
                link = new AccountLink
                {
                    Id = Guid.CreateVersion7(),
                    AccountId = accountId,
                    IntegrationId = integrationId,
                    Status = LinkStatus.Active,
                    LinkedAt = Now(),
                    GrantedActions = integration.Actions,
                };
                db.AccountLinks.Add(link);
            }
            var grantsChanged = link.GrantedActions != integration.Actions;
            link.GrantedActions = integration.Actions;
            var (added, removed) = await SetExposuresAsync(db, link.Id, owned.Select(d => d.Id).ToHashSet(), ct);
            if (created || grantsChanged || added + removed > 0)
            {
                revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.ForAccounts(accountId), ct);
                await db.SaveChangesAsync(ct);
                await audit.AppendAsync(db, new AuditRecord(
                    actor, created ? "link.created" : "link.updated", EntityType, link.Id.ToString(),
                    "reported by the integration's bridge",
                    new { account = accountId, integration = integration.Key, exposed, ignored, revision }), ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                revision = await PolicyRevisions.CurrentAsync(db, ct);
            }
        }
        return new LinkReport(LinkReportOutcome.Done, exposed, ignored, await waiter.WaitAsync(revision, ct));
    }

    /// <summary>
    /// Revokes the account's active link to the integration, if any. Used by a bridge (the user unlinked on its side)
    /// and by support with a reason.
    /// </summary>
    public Task<LinkChange> RevokeAsync(
        Guid accountId, Guid integrationId, string actor, string reason, CancellationToken ct = default) =>
        RevokeWhereAsync(accountId, db => ActiveLinkAsync(db, accountId, integrationId, ct), actor, reason, ct);

    /// <summary>Revokes one of the account's own active links, by id (the customer's unlink). Not found otherwise.</summary>
    public Task<LinkChange> RevokeLinkAsync(
        Guid accountId, Guid linkId, string actor, string reason, CancellationToken ct = default) =>
        RevokeWhereAsync(accountId, db => db.AccountLinks.SingleOrDefaultAsync(
            l => l.Id == linkId && l.AccountId == accountId && l.Status == LinkStatus.Active, ct), actor, reason, ct);

    private async Task<LinkChange> RevokeWhereAsync(
        Guid accountId, Func<DashboardDbContext, Task<AccountLink?>> find, string actor, string reason, CancellationToken ct)
    {
        var (outcome, revision) = await RevokeInTransactionAsync(accountId, find, actor, reason, ct);
        return await AfterCommitAsync(outcome, revision, ct);
    }

    /// <summary>
    /// Shows or hides one of the account's cameras to one of its active links. Not found unless both the link and the
    /// camera are the account's own.
    /// </summary>
    public async Task<LinkChange> SetExposureAsync(
        Guid accountId, Guid linkId, string serial, bool exposed, string actor, CancellationToken ct = default)
    {
        var (outcome, revision) = await SetExposureInTransactionAsync(accountId, linkId, Device.CanonicalSerial(serial), exposed, actor, ct);
        return await AfterCommitAsync(outcome, revision, ct);
    }

    /// <summary>
    /// Answers only once <paramref name="revision"/> is applied everywhere. Also when nothing was written ("already so",
    /// "no such link"): then it is the revision read under the account lock, which covers a concurrent change of the
    /// account that committed first and may still be on its way, so "already so" is said only once it is so everywhere.
    /// </summary>
    private async Task<LinkChange> AfterCommitAsync(LinkChangeOutcome outcome, long? revision, CancellationToken ct) =>
        revision is { } r ? new LinkChange(outcome, await waiter.WaitAsync(r, ct)) : new LinkChange(outcome);

    private async Task<(LinkChangeOutcome, long?)> RevokeInTransactionAsync(
        Guid accountId, Func<DashboardDbContext, Task<AccountLink?>> find, string actor, string reason, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await LockAccountAsync(db, accountId, ct))
        {
            return (LinkChangeOutcome.NotFound, null);
        }
        var link = await find(db);
        if (link is null)
        {
            return (LinkChangeOutcome.NotFound, await PolicyRevisions.CurrentAsync(db, ct));
        }
        link.Status = LinkStatus.Revoked;
        link.RevokedAt = Now();
        var revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.ForAccounts(accountId), ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditRecord(
            actor, "link.revoked", EntityType, link.Id.ToString(), reason,
            new { account = accountId, integration = link.IntegrationId, revision }), ct);
        await transaction.CommitAsync(ct);
        return (LinkChangeOutcome.Done, revision);
    }

    private async Task<(LinkChangeOutcome, long?)> SetExposureInTransactionAsync(
        Guid accountId, Guid linkId, string serial, bool exposed, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await LockAccountAsync(db, accountId, ct))
        {
            return (LinkChangeOutcome.NotFound, null);
        }
        var link = await db.AccountLinks.SingleOrDefaultAsync(
            l => l.Id == linkId && l.AccountId == accountId && l.Status == LinkStatus.Active, ct);
        var device = await db.Devices
            .FromSql($"SELECT * FROM devices WHERE serial = {serial} AND owner_id = {accountId} FOR SHARE")
            .AsNoTracking()
            .Select(d => new { d.Id, d.Serial })
            .SingleOrDefaultAsync(ct);
        if (link is null || device is null)
        {
            return (LinkChangeOutcome.NotFound, null);
        }
        var current = await db.DeviceExposures.SingleOrDefaultAsync(e => e.LinkId == linkId && e.DeviceId == device.Id, ct);
        if ((current is not null) == exposed)
        {
            return (LinkChangeOutcome.Unchanged, await PolicyRevisions.CurrentAsync(db, ct));
        }
        if (exposed)
        {
            db.DeviceExposures.Add(new DeviceExposure { LinkId = linkId, DeviceId = device.Id, CreatedAt = Now() });
        }
        else
        {
            db.DeviceExposures.Remove(current!);
        }
        var revision = await notifier.BumpAndNotifyAsync(
            db, PolicyChange.ForAccounts(accountId).And(PolicyChange.ForDevices(device.Serial)), ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditRecord(
            actor, exposed ? "exposure.on" : "exposure.off", EntityType, linkId.ToString(), null,
            new { account = accountId, device = device.Serial, revision }), ct);
        await transaction.CommitAsync(ct);
        return (LinkChangeOutcome.Done, revision);
    }

    /// <summary>The id of the integration with this key, or null.</summary>
    public async Task<Guid?> IntegrationIdAsync(string key, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Integrations.Where(i => i.Key == key).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Row-locks the account until commit: every link change of one account runs one after the other, so two reports
    /// can never both create "the" active link. False when the account does not exist.
    /// </summary>
    private static async Task<bool> LockAccountAsync(DashboardDbContext db, Guid accountId, CancellationToken ct) =>
        await db.Accounts.FromSql($"SELECT * FROM accounts WHERE id = {accountId} FOR UPDATE")
            .AsNoTracking()
            .Select(a => a.Id)
            .ToListAsync(ct) is { Count: 1 };

    private static Task<AccountLink?> ActiveLinkAsync(DashboardDbContext db, Guid accountId, Guid integrationId, CancellationToken ct) =>
        db.AccountLinks.SingleOrDefaultAsync(
            l => l.AccountId == accountId && l.IntegrationId == integrationId && l.Status == LinkStatus.Active, ct);

    /// <summary>Makes the link's exposures exactly <paramref name="devices"/>; returns how many were added and removed.</summary>
    private async Task<(int Added, int Removed)> SetExposuresAsync(
        DashboardDbContext db, Guid linkId, HashSet<Guid> devices, CancellationToken ct)
    {
        var current = await db.DeviceExposures.Where(e => e.LinkId == linkId).ToListAsync(ct);
        var stale = current.Where(e => !devices.Contains(e.DeviceId)).ToList();
        db.DeviceExposures.RemoveRange(stale);
        var have = current.Select(e => e.DeviceId).ToHashSet();
        var now = Now();
        var added = 0;
        foreach (var device in devices.Where(d => !have.Contains(d)))
        {
            db.DeviceExposures.Add(new DeviceExposure { LinkId = linkId, DeviceId = device, CreatedAt = now });
            added++;
        }
        return (added, stale.Count);
    }

    // Microseconds: what PostgreSQL stores, so a value read back equals the one written.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
