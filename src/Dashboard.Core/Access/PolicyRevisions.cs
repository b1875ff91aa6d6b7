using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Access;

/// <summary>Bumps the policy revision inside the caller's transaction; call it from every change that can change a decision.</summary>
public static class PolicyRevisions
{
    public static async Task<long> BumpAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The policy revision is bumped in the same transaction as the change.");
        }
        var values = await db.Database
            .SqlQuery<long>($"UPDATE policy_revision SET value = value + 1 WHERE id = 1 RETURNING value AS \"Value\"")
            .ToListAsync(ct);
        return values.Single();
    }

    public static async Task<long> CurrentAsync(DashboardDbContext db, CancellationToken ct = default) =>
        await db.PolicyRevisions.AsNoTracking().Select(r => r.Value).SingleAsync(ct);
}
