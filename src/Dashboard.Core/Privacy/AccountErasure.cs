using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy;

public enum AccountErasureOutcome
{
    Done,
    NotFound,

    /// <summary>The account still owns devices, or is already erased: nothing was written.</summary>
    Conflict,
}

/// <summary>What an erasure changed. Ids and counts only: it is also what the audit entry records.</summary>
/// <param name="Pseudonym">What the account is shown as from now on.</param>
/// <param name="LinksEnded">Active links ended (and propagated) before the data was erased.</param>
/// <param name="Steps">One per eraser, in the order they ran.</param>
public sealed record AccountErasureReport(
    Guid AccountId, string Pseudonym, DateTime ErasedAt, int LinksEnded, IReadOnlyList<ErasureStep> Steps, long Revision);

public sealed record AccountErasureResult(AccountErasureOutcome Outcome, AccountErasureReport? Report = null, string? Problem = null);

/// <summary>
/// Erases a customer account's personal data (decision 0029): once its devices are released, it ends its links (as an
/// unlink does, propagated everywhere), then runs every registered <see cref="IPersonalDataEraser"/> in one
/// transaction with an audit entry that names the account by id. A second erasure is a conflict.
/// </summary>
public sealed class AccountErasure(
    IDbContextFactory<DashboardDbContext> contexts,
    IEnumerable<IPersonalDataEraser> erasers,
    AuditLog audit,
    ChangeNotifier notifier,
    PropagationWaiter waiter,
    TimeProvider clock)
{
    public const string AuditAction = "account.erased";

    /// <summary>The reason recorded on each link the erasure ends.</summary>
    public const string LinkEndReason = "account erased";

    /// <summary>Lets updates of erased text through the append-only triggers for this transaction only.</summary>
    private const string ErasureSetting = "dashboard.erasure";

    /// <exception cref="PropagationTimeoutException">Committed, but not confirmed everywhere in time.</exception>
    public async Task<AccountErasureResult> EraseAsync(Guid accountId, string reason, ChangeActor actor, CancellationToken ct = default)
    {
        AccountErasureReport report;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Under the account's row lock: a claim or link for it waits, and sees the erasure when it goes on.
            var account = await db.Accounts.FromSql($"SELECT * FROM accounts WHERE id = {accountId} FOR UPDATE")
                .AsNoTracking().SingleOrDefaultAsync(ct);
            if (account is null)
            {
                return new AccountErasureResult(AccountErasureOutcome.NotFound, Problem: $"No account has the id '{accountId}'.");
            }
            if (account.ErasedAt is { } erasedAt)
            {
                return new AccountErasureResult(AccountErasureOutcome.Conflict,
                    Problem: $"The account was already erased at {erasedAt:yyyy-MM-dd HH:mm:ss} UTC: there is nothing left to erase.");
            }
            var owned = await db.Devices.CountAsync(d => d.OwnerId == accountId, ct);
            if (owned > 0)
            {
                return new AccountErasureResult(AccountErasureOutcome.Conflict,
                    Problem: $"The account still owns {owned} device(s): release them first, then erase the account.");
            }

            var users = await db.Users.Where(u => u.AccountId == accountId)
                .Select(u => new { u.Id, u.Email, u.UserName, u.DisplayName, u.PhoneNumber })
                .ToListAsync(ct);
            var subject = new ErasureSubject(
                accountId,
                users.Select(u => u.Id).ToList(),
                PersonalText.Usable(users.SelectMany(u => new[] { u.Email, u.UserName, u.PhoneNumber }).Prepend(account.Email)),
                PersonalText.Usable(users.Select(u => u.DisplayName).Prepend(account.DisplayName)),
                Now());

            var revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.ForAccounts(accountId), ct);
            var linksEnded = await EndLinksAsync(db, accountId, actor, revision, ct);

            await db.Database.ExecuteSqlAsync($"SELECT set_config({ErasureSetting}, 'on', true)", ct);
            var steps = new List<ErasureStep>();
            foreach (var eraser in erasers)
            {
                steps.Add(await eraser.EraseAsync(db, subject, ct));
            }
            await db.Database.ExecuteSqlAsync($"SELECT set_config({ErasureSetting}, 'off', true)", ct);

            report = new AccountErasureReport(accountId, subject.Pseudonym, subject.ErasedAt, linksEnded, steps, revision);
            // The reason is the admin's; it must not bring back what it erases.
            await audit.AppendAsync(db, new AuditRecord(
                actor.AuditId, AuditAction, AccountLockService.EntityType, accountId.ToString(),
                PersonalText.Replace(reason, subject.Identifiers, subject.Pseudonym),
                new { revision, linksEnded, erased = steps.Select(s => new { s.Name, s.Erased, s.Kept }) }), ct);
            await transaction.CommitAsync(ct);
        }
        await waiter.WaitAsync(report.Revision, ct);
        return new AccountErasureResult(AccountErasureOutcome.Done, report);
    }

    /// <summary>When the account was erased, or null (also for an unknown account).</summary>
    public async Task<DateTime?> ErasedAtAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Accounts.Where(a => a.Id == accountId).Select(a => a.ErasedAt).SingleOrDefaultAsync(ct);
    }

    /// <summary>Ends every active link as a revocation does, each with its own audit entry.</summary>
    private async Task<int> EndLinksAsync(DashboardDbContext db, Guid accountId, ChangeActor actor, long revision, CancellationToken ct)
    {
        var links = await db.AccountLinks.Where(l => l.AccountId == accountId && l.Status == LinkStatus.Active).ToListAsync(ct);
        foreach (var link in links)
        {
            link.Status = LinkStatus.Revoked;
            link.RevokedAt = Now();
        }
        await db.SaveChangesAsync(ct);
        foreach (var link in links)
        {
            await audit.AppendAsync(db, new AuditRecord(
                actor.AuditId, "link.revoked", LinkService.EntityType, link.Id.ToString(), LinkEndReason,
                new { account = accountId, integration = link.IntegrationId, revision }), ct);
        }
        return links.Count;
    }

    // Microseconds: what PostgreSQL stores, so a value read back equals the one written.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
