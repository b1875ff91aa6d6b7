using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Devices.Ownership;

/// <summary>
/// Claim, transfer and release. Each is one transaction holding the device's new owner, the ledger event, the removal
/// of the old owner's exposures, the policy revision bump and the audit entry; it answers only once every enforcement
/// point has applied the revision, so from then on no check anywhere allows the old owner.
/// </summary>
/// <remarks>
/// Races are settled by the ownership version: the UPDATE only applies while the version is the one this transaction
/// read. A concurrent change of the same device blocks on the row until the first commits, then finds the version
/// moved and updates nothing, so exactly one of two concurrent changes wins and the other writes nothing at all.
/// </remarks>
public sealed class OwnershipService(
    IDbContextFactory<DashboardDbContext> contexts,
    DeviceSearch devices,
    AuditLog audit,
    ChangeNotifier notifier,
    PropagationWaiter waiter,
    TimeProvider clock)
{
    public const string EntityType = "device";

    /// <summary>The column length of <see cref="OwnershipEvent.Reason"/>.</summary>
    public const int MaxReasonLength = 1000;

    /// <exception cref="PropagationTimeoutException">Committed, but not confirmed everywhere in time.</exception>
    public async Task<OwnershipResult> ChangeAsync(OwnershipChange change, ChangeActor actor, CancellationToken ct = default)
    {
        var serial = Device.CanonicalSerial(change.Serial);
        long revision;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var device = await db.Devices.AsNoTracking()
                .Where(d => d.Serial == serial)
                .Select(d => new { d.Id, d.OwnerId, OwnerEmail = d.Owner == null ? null : d.Owner.Email, d.OwnershipVersion })
                .SingleOrDefaultAsync(ct);
            if (device is null)
            {
                return OwnershipResult.Refused(OwnershipOutcome.DeviceNotFound, $"No device has the serial '{serial}'.");
            }
            if (change.Account is { } account && !await db.Accounts.AnyAsync(a => a.Id == account, ct))
            {
                return OwnershipResult.Refused(OwnershipOutcome.AccountNotFound, $"No account has the id '{account}'.");
            }
            if (OwnershipRules.Conflict(change, serial, device.OwnerId, device.OwnerEmail, device.OwnershipVersion) is { } conflict)
            {
                return OwnershipResult.Refused(OwnershipOutcome.Conflict, conflict);
            }

            var newOwner = change.Kind == OwnershipEventKind.Released ? null : change.Account;
            var updated = await db.Database.ExecuteSqlAsync($"""
                UPDATE devices SET owner_id = {newOwner}, ownership_version = ownership_version + 1
                WHERE id = {device.Id} AND ownership_version = {device.OwnershipVersion}
                """, ct);
            if (updated != 1)
            {
                return OwnershipResult.Refused(OwnershipOutcome.Conflict, OwnershipRules.ConcurrentChange(serial));
            }

            // A camera's exposures are its owner's choices; whoever owns it next starts with none. Exposures are
            // keyed by device, so this removes the old owner's (and nothing of anyone else's: only the owner's exist).
            var exposuresRemoved = change.Kind == OwnershipEventKind.Claimed
                ? 0
                : await db.Database.ExecuteSqlAsync($"DELETE FROM device_exposures WHERE device_id = {device.Id}", ct);

            db.OwnershipEvents.Add(new OwnershipEvent
            {
                DeviceId = device.Id,
                Kind = change.Kind,
                FromAccountId = device.OwnerId,
                ToAccountId = newOwner,
                ActorUserId = actor.UserId,
                ActorLabel = actor.Label,
                Reason = change.Reason,
                At = Now(),
            });
            await db.SaveChangesAsync(ct);

            // The device's cached facts hold its owner; naming both accounts as well costs nothing and covers any
            // cache keyed by account.
            var owners = new[] { device.OwnerId, newOwner }.OfType<Guid>();
            revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.ForDevices(serial).And(PolicyChange.ForAccounts(owners)), ct);
            await audit.AppendAsync(db, new AuditRecord(
                actor.AuditId, OwnershipRules.AuditAction(change.Kind), EntityType, serial, change.Reason,
                new
                {
                    from = device.OwnerId,
                    to = newOwner,
                    ownershipVersion = device.OwnershipVersion + 1,
                    exposuresRemoved,
                    revision,
                }), ct);
            await transaction.CommitAsync(ct);
        }

        await waiter.WaitAsync(revision, ct);
        var details = await devices.FindAsync(serial, ct);
        return new OwnershipResult(OwnershipOutcome.Done, Device: details, Revision: revision);
    }

    // Microseconds: what PostgreSQL stores, so a value read back equals the one written.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
