using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Accounts;

public enum AccountLockOutcome
{
    Done,
    NotFound,

    /// <summary>Already in the asked-for state: nothing was written (a 409, see docs/decisions/0009).</summary>
    Conflict,
}

public sealed record AccountLockResult(AccountLockOutcome Outcome, AccountSummary? Account = null, string? Problem = null);

/// <summary>
/// Locks and unlocks customer accounts. A locked account's checks answer <c>account_locked</c>; each change is audited,
/// bumps the policy revision in its transaction, and answers only once every enforcement point applied it.
/// </summary>
public sealed class AccountLockService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditLog audit,
    ChangeNotifier notifier,
    PropagationWaiter waiter)
{
    public const string EntityType = "account";

    /// <exception cref="PropagationTimeoutException">Committed, but not confirmed everywhere in time.</exception>
    public Task<AccountLockResult> LockAsync(Guid accountId, string reason, ChangeActor actor, CancellationToken ct = default) =>
        SetStatusAsync(accountId, AccountStatus.Locked, reason, actor, ct);

    /// <exception cref="PropagationTimeoutException">Committed, but not confirmed everywhere in time.</exception>
    public Task<AccountLockResult> UnlockAsync(Guid accountId, string reason, ChangeActor actor, CancellationToken ct = default) =>
        SetStatusAsync(accountId, AccountStatus.Active, reason, actor, ct);

    private async Task<AccountLockResult> SetStatusAsync(
        Guid accountId, AccountStatus target, string reason, ChangeActor actor, CancellationToken ct)
    {
        var from = target == AccountStatus.Locked ? AccountStatus.Active : AccountStatus.Locked;
        long revision;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Conditional on the current status, so of two concurrent locks exactly one changes anything.
            var changed = await db.Accounts
                .Where(a => a.Id == accountId && a.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, target), ct);
            if (changed == 0)
            {
                var exists = await db.Accounts.AnyAsync(a => a.Id == accountId, ct);
                return exists
                    ? new AccountLockResult(AccountLockOutcome.Conflict, Problem: target == AccountStatus.Locked
                        ? "The account is already locked: there is nothing to lock."
                        : "The account is not locked: there is nothing to unlock.")
                    : new AccountLockResult(AccountLockOutcome.NotFound, Problem: $"No account has the id '{accountId}'.");
            }
            revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.ForAccounts(accountId), ct);
            await audit.AppendAsync(db, new AuditRecord(
                actor.AuditId, target == AccountStatus.Locked ? "account.locked" : "account.unlocked", EntityType,
                accountId.ToString(), reason, new { revision }), ct);
            await transaction.CommitAsync(ct);
        }
        await waiter.WaitAsync(revision, ct);
        return new AccountLockResult(AccountLockOutcome.Done, await SummaryAsync(accountId, ct));
    }

    private async Task<AccountSummary?> SummaryAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new AccountSummary(a.Id, a.Email, a.DisplayName, a.Status, db.Devices.Count(d => d.OwnerId == a.Id)))
            .SingleOrDefaultAsync(ct);
    }
}
