using Dashboard.Core.Devices;
using Npgsql;

namespace Dashboard.Web.Seeding;

/// <summary>
/// Moves one chunk from the staging tables into the real ones with <c>INSERT ... SELECT ... ON CONFLICT DO
/// NOTHING</c>. What depends on a row is written only when that row is new in this statement (data-modifying
/// CTEs pass on what they inserted): links only with their new account, claimed events and exposures only
/// with their new device. So a re-run never re-creates what someone removed or changed since (a revoked link,
/// a transferred device, an exposure turned off).
/// <para>
/// Every foreign key the merge writes points at a row it has just inserted or has just joined to: an owner from
/// <c>accounts</c>, a link's account from the new accounts and its integration from <c>integrations</c>, an
/// event's device from the new devices, an exposure's link from <c>account_links</c>. So the row-by-row
/// foreign-key triggers, which cost as much as the inserts themselves, can only agree; the merge skips them
/// (<c>session_replication_role = replica</c>, as <c>pg_restore --disable-triggers</c> does) when the session may
/// set that (a superuser: the embedded cluster's role) and the only INSERT triggers on those tables it would skip
/// are foreign-key checks (triggers enabled ALWAYS, like the device counter's, fire anyway); anything else would be
/// skipped too. Otherwise it runs with every trigger, just slower.
/// Unique and check constraints are enforced either way.
/// </para>
/// </summary>
internal static class FleetMerge
{
    // Every INSERT trigger on the merged tables that replica mode would skip must be a foreign-key check: a trigger
    // of the schema's own (an audit hook) or any other constraint trigger (a deferred unique check) keeps every
    // trigger on. A trigger enabled ALWAYS (tgenabled 'A') fires in replica mode too, so it is not skipped and does
    // not stand in the way: the device counter (fleet_totals) is one, and stays exact on the fast path.
    private const string CanSkipRowTriggers = """
        SELECT current_setting('is_superuser') = 'on' AND NOT EXISTS (
            SELECT 1 FROM pg_trigger t
            LEFT JOIN pg_constraint c ON c.oid = t.tgconstraint
            WHERE t.tgrelid = ANY (ARRAY['accounts', 'account_links', 'devices', 'device_exposures', 'ownership_events']::regclass[])
              AND t.tgtype & 4 <> 0
              AND t.tgenabled <> 'A'
              AND c.contype IS DISTINCT FROM 'f')
        """;

    public const string SeedReason = "Generated demo fleet";

    private const string AccountsAndLinks = """
        WITH new_accounts AS (
            INSERT INTO accounts (id, email, display_name, region, status, created_at)
            SELECT id, email, display_name, region, status, created_at FROM seed_stage_accounts
            ON CONFLICT DO NOTHING
            RETURNING id),
        new_links AS (
            INSERT INTO account_links (id, account_id, integration_id, status, linked_at, granted_actions)
            SELECT l.id, l.account_id, i.id, 'Active', l.linked_at, l.granted_actions
            FROM seed_stage_links l
            JOIN new_accounts a ON a.id = l.account_id
            JOIN integrations i ON i.key = l.integration_key
            ON CONFLICT DO NOTHING
            RETURNING 1)
        SELECT (SELECT count(*) FROM new_accounts), (SELECT count(*) FROM new_links)
        """;

    // The owner is taken from accounts (null when missing): an address someone registered by hand before the
    // generator reached it keeps its own account, and the device then simply starts unowned.
    private const string DevicesEventsAndExposures = """
        WITH new_devices AS (
            INSERT INTO devices (id, serial, mac, model, firmware, region, status, owner_id, ownership_version, created_at)
            SELECT s.id, s.serial, s.mac, s.model, s.firmware, s.region, 'Active', a.id,
                   CASE WHEN a.id IS NULL THEN 0 ELSE 1 END, s.created_at
            FROM seed_stage_devices s
            LEFT JOIN accounts a ON a.id = s.owner_id
            ON CONFLICT DO NOTHING
            RETURNING id, owner_id, created_at),
        new_events AS (
            INSERT INTO ownership_events (device_id, kind, from_account_id, to_account_id, actor_user_id, actor_label, reason, at)
            SELECT id, @claimed, NULL, owner_id, NULL, 'system', @reason, created_at
            FROM new_devices WHERE owner_id IS NOT NULL
            RETURNING 1),
        new_exposures AS (
            INSERT INTO device_exposures (link_id, device_id, created_at)
            SELECT e.link_id, e.device_id, e.created_at
            FROM seed_stage_exposures e
            JOIN new_devices d ON d.id = e.device_id
            JOIN account_links l ON l.id = e.link_id AND l.status = 'Active' AND l.account_id = d.owner_id
            ON CONFLICT DO NOTHING
            RETURNING 1)
        SELECT (SELECT count(*) FROM new_devices), (SELECT count(*) FROM new_events), (SELECT count(*) FROM new_exposures)
        """;

    /// <summary>True when the merge may run without row triggers (see the class summary).</summary>
    public static async Task<bool> CanSkipRowTriggersAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(CanSkipRowTriggers, connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<FleetCounts> MergeAsync(NpgsqlConnection connection, bool skipRowTriggers, CancellationToken ct)
    {
        if (skipRowTriggers)
        {
            await ExecuteAsync(connection, "SET LOCAL session_replication_role = replica", ct);
        }
        var counts = await MergeChunkAsync(connection, ct);
        if (skipRowTriggers)
        {
            // Back to normal before anything else (the audit entry) is written in this transaction. On a failure
            // the transaction rolls back, and the setting with it.
            await ExecuteAsync(connection, "SET LOCAL session_replication_role = origin", ct);
        }
        return counts;
    }

    private static async Task<FleetCounts> MergeChunkAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var counts = new FleetCounts();
        await using (var command = new NpgsqlCommand(AccountsAndLinks, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            counts.Accounts = reader.GetInt64(0);
            counts.Links = reader.GetInt64(1);
        }
        await using (var command = new NpgsqlCommand(DevicesEventsAndExposures, connection))
        {
            command.Parameters.AddWithValue("claimed", nameof(OwnershipEventKind.Claimed));
            command.Parameters.AddWithValue("reason", SeedReason);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            counts.Devices = reader.GetInt64(0);
            counts.OwnershipEvents = reader.GetInt64(1);
            counts.Exposures = reader.GetInt64(2);
        }
        return counts;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
