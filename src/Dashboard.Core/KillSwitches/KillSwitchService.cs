using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Dashboard.Core.KillSwitches;

/// <summary>
/// Fires, lists and lifts kill switches. Firing is one step; lifting takes a request and a second admin's approval.
/// Every change is audited in its own transaction, and the changes that alter decisions (fire, approved lift) bump the
/// policy revision and answer only once every enforcement point has applied it. Scopes must have passed
/// <see cref="KillSwitchScopeValidator"/>.
/// </summary>
public sealed class KillSwitchService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditLog audit,
    ChangeNotifier notifier,
    PropagationWaiter waiter,
    TimeProvider clock)
{
    public const string EntityType = "kill_switch";

    /// <summary>The scope's problems against the integrations that exist now (see <see cref="KillSwitchScopeValidator"/>).</summary>
    public async Task<IReadOnlyList<ScopeError>> ValidateAsync(KillSwitchScope? scope, string path, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await db.Integrations.AsNoTracking().Select(i => i.Key).ToListAsync(ct);
        return KillSwitchScopeValidator.Validate(scope, keys, path);
    }

    /// <summary>What <paramref name="scope"/> would newly deny right now. Reads only.</summary>
    public async Task<BlastRadius> PreviewAsync(KillSwitchScope scope, CancellationToken ct = default) =>
        await BlastRadiusAsync(KillSwitchScopes.Canonical(scope), excludeSwitchId: null, ct);

    /// <summary>Fires a switch; returns once every enforcement point denies what it covers.</summary>
    public async Task<FiredKillSwitch> FireAsync(
        KillSwitchScope scope, string reason, string? incident, string actor, CancellationToken ct = default)
    {
        using var activity = DashboardActivities.Start(DashboardActivities.KillSwitchFire);
        var started = clock.GetTimestamp();
        var killSwitch = await CommitFireAsync(scope, reason, incident, actor, ct);
        activity?.SetTag("dashboard.kill_switch.id", killSwitch.Id);
        activity?.SetTag("dashboard.revision", killSwitch.Revision);

        // The radius excludes this switch itself (it is committed, and would otherwise hide everything it covers).
        var radius = BlastRadiusAsync(killSwitch.Scope, killSwitch.Id, ct);
        var propagated = PropagateAsync(killSwitch.Revision, started, ct);
        await Task.WhenAll(radius, propagated);
        var (proof, untilPropagated) = await propagated;
        return new FiredKillSwitch(killSwitch.Id, killSwitch.Revision, await radius, proof) { UntilPropagated = untilPropagated };
    }

    /// <summary>
    /// Fires exactly as <see cref="FireAsync"/> does but without counting the blast radius: what firing itself costs,
    /// for the benchmarks. The result's radius is empty.
    /// </summary>
    internal async Task<FiredKillSwitch> FireWithoutRadiusAsync(
        KillSwitchScope scope, string reason, string? incident, string actor, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var killSwitch = await CommitFireAsync(scope, reason, incident, actor, ct);
        var (proof, untilPropagated) = await PropagateAsync(killSwitch.Revision, started, ct);
        return new FiredKillSwitch(killSwitch.Id, killSwitch.Revision, new BlastRadius(0, 0, 0), proof) { UntilPropagated = untilPropagated };
    }

    private async Task<KillSwitch> CommitFireAsync(
        KillSwitchScope scope, string reason, string? incident, string actor, CancellationToken ct)
    {
        var killSwitch = new KillSwitch
        {
            Id = Guid.CreateVersion7(),
            Scope = KillSwitchScopes.Canonical(scope),
            Reason = reason,
            Incident = incident,
            ActivatedBy = actor,
            ActivatedAt = Now(),
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        killSwitch.Revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.KillSwitchesChanged, ct);
        db.KillSwitches.Add(killSwitch);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditRecord(
            actor, "kill_switch.fired", EntityType, killSwitch.Id.ToString(), reason,
            new { scope = killSwitch.Scope, incident, revision = killSwitch.Revision }), ct);
        await transaction.CommitAsync(ct);
        return killSwitch;
    }

    private async Task<(PropagationProof Proof, TimeSpan Elapsed)> PropagateAsync(long revision, long started, CancellationToken ct)
    {
        var proof = await waiter.WaitAsync(revision, ct);
        return (proof, clock.GetElapsedTime(started));
    }

    /// <summary>Newest first; <paramref name="activeOnly"/> keeps the switches that still deny (pending lifts too).</summary>
    public async Task<Paged<KillSwitchSummary>> ListAsync(bool activeOnly, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var switches = db.KillSwitches.AsNoTracking();
        if (activeOnly)
        {
            switches = switches.Where(k => k.LiftApprovedAt == null);
        }
        var total = await switches.LongCountAsync(ct);
        var rows = page.Skip >= total
            ? []
            : await switches
                .OrderByDescending(k => k.ActivatedAt).ThenByDescending(k => k.Id)
                .Skip((int)Math.Min(page.Skip, int.MaxValue))
                .Take(page.PageSize)
                .ToListAsync(ct);
        return new Paged<KillSwitchSummary>(total, rows.Select(Summarize).ToArray());
    }

    /// <summary>First step of a lift: the switch keeps denying until another admin approves.</summary>
    public async Task<LiftResult> RequestLiftAsync(Guid id, string reason, string actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var killSwitch = await LockAsync(db, id, ct);
        if (killSwitch is null)
        {
            return LiftResult.NotFound;
        }
        if (killSwitch.Status != KillSwitchStatus.Active)
        {
            return new LiftResult(LiftOutcome.Conflict, killSwitch.Status);
        }
        killSwitch.LiftRequestedBy = actor;
        killSwitch.LiftRequestedAt = Now();
        killSwitch.LiftReason = reason;
        await db.SaveChangesAsync(ct);
        // No revision bump: a pending lift still denies, so no decision changes yet.
        await audit.AppendAsync(db, new AuditRecord(actor, "kill_switch.lift_requested", EntityType, id.ToString(), reason), ct);
        await transaction.CommitAsync(ct);
        return new LiftResult(LiftOutcome.Done, KillSwitchStatus.PendingApproval);
    }

    /// <summary>Second step of a lift, by another admin; returns once every enforcement point allows again.</summary>
    public async Task<LiftResult> ApproveLiftAsync(Guid id, string approver, CancellationToken ct = default)
    {
        using var activity = DashboardActivities.Start(DashboardActivities.KillSwitchLift);
        activity?.SetTag("dashboard.kill_switch.id", id);
        long revision;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var killSwitch = await LockAsync(db, id, ct);
            if (killSwitch is null)
            {
                return LiftResult.NotFound;
            }
            if (killSwitch.Status != KillSwitchStatus.PendingApproval)
            {
                return new LiftResult(LiftOutcome.Conflict, killSwitch.Status);
            }
            if (string.Equals(killSwitch.LiftRequestedBy, approver, StringComparison.Ordinal))
            {
                return new LiftResult(LiftOutcome.SameAdmin, killSwitch.Status);
            }
            killSwitch.LiftApprovedBy = approver;
            killSwitch.LiftApprovedAt = Now();
            revision = await notifier.BumpAndNotifyAsync(db, PolicyChange.KillSwitchesChanged, ct);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(db, new AuditRecord(
                approver, "kill_switch.lifted", EntityType, id.ToString(), killSwitch.LiftReason,
                new { requestedBy = killSwitch.LiftRequestedBy, revision }), ct);
            await transaction.CommitAsync(ct);
        }
        activity?.SetTag("dashboard.revision", revision);
        var proof = await waiter.WaitAsync(revision, ct);
        return new LiftResult(LiftOutcome.Done, KillSwitchStatus.Lifted, proof);
    }

    /// <summary>
    /// Reads the switch under a row lock held to commit, so two concurrent lift steps on one switch run one after the
    /// other and the second sees the first's outcome (two approvals cannot both succeed).
    /// </summary>
    private static Task<KillSwitch?> LockAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        db.KillSwitches.FromSql($"SELECT * FROM kill_switches WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);

    /// <summary>
    /// One snapshot (repeatable read) for the integrations, the switches that still deny and the count, so the radius
    /// never mixes two states. The count hashes a few hundred thousand rows at fleet scale: it gets the memory to do
    /// so without spilling to disk, for this transaction only.
    /// </summary>
    private async Task<BlastRadius> BlastRadiusAsync(KillSwitchScope scope, Guid? excludeSwitchId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '64MB'", ct);
        var integrations = await db.Integrations.AsNoTracking()
            .Select(i => new RadiusIntegration(i.Id, i.Key, i.Kind, i.Actions))
            .ToListAsync(ct);
        var denying = await db.KillSwitches.AsNoTracking()
            .Where(k => k.LiftApprovedAt == null && k.Id != excludeSwitchId)
            .Select(k => k.Scope)
            .ToListAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = BlastRadiusQuery.Build(connection, scope, integrations, denying);
        command.Transaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        BlastRadius radius;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            radius = new BlastRadius(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        await transaction.CommitAsync(ct);
        return radius;
    }

    private static KillSwitchSummary Summarize(KillSwitch k) =>
        new(k.Id, k.Scope, k.Reason, k.Incident, k.Status, k.ActivatedBy, k.ActivatedAt, k.Revision);

    // Microseconds: what PostgreSQL stores, so a value read back equals the one written.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
