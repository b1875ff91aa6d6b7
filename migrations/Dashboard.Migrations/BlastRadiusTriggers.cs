namespace Dashboard.Migrations;

/// <summary>
/// Keeps <c>blast_radius_exposures</c> equal to the join the blast radius counts over: every exposure whose link is
/// active and whose device is owned by the link's account, with the link's and the device's filter columns. Statement
/// triggers (transition tables, so a bulk seed costs one set operation per statement, not one per row) on
/// <c>device_exposures</c>, <c>account_links</c> and <c>devices</c> delete the rows of what a statement changed and
/// insert them again from the base tables, in the writer's own transaction. They are <c>ENABLE ALWAYS</c>, so they also
/// fire in <c>session_replication_role = replica</c>, which the bulk seed uses.
/// </summary>
/// <remarks>
/// Concurrency: before reading the base rows of what it changed, each trigger takes <c>FOR SHARE</c> row locks on
/// the other tables' rows it reads (the exposures, links and devices involved). A writer changing one of those rows at
/// the same time holds a conflicting lock, so one waits for the other to commit; the statements after the lock run
/// on a fresh snapshot (READ COMMITTED, as every writer here uses) and see what it committed. Whichever runs second
/// rebuilds every row that depends on both changes. Two writers that lock in opposite orders (a device's owner and its
/// link changed at once) deadlock, and PostgreSQL aborts one of them: it fails, nothing half-written remains.
/// Kept as literal SQL so the migration that uses it never changes after it has run somewhere.
/// </remarks>
internal static class BlastRadiusTriggers
{
    // The row of an exposure, from its link and device (joined as e, l and d), and when it has one.
    private const string InsertRows = """
        INSERT INTO blast_radius_exposures
            (link_id, device_id, account_id, integration_id, granted_actions, model, firmware, region, serial)
        SELECT e.link_id, e.device_id, l.account_id, l.integration_id, l.granted_actions, d.model, d.firmware, d.region, d.serial
        """;

    private const string Live = "l.status = 'Active' AND d.owner_id = l.account_id";

    public const string Create = $"""
        -- Nothing may change between the fill and the triggers that take over from it.
        LOCK TABLE devices, account_links, device_exposures IN SHARE ROW EXCLUSIVE MODE;

        {InsertRows}
        FROM device_exposures e
        JOIN account_links l ON l.id = e.link_id
        JOIN devices d ON d.id = e.device_id
        WHERE {Live};

        -- Locks the links and devices of the given exposures (in key order, so bulk writers queue rather than
        -- deadlock), then deletes their rows and inserts them again as the base tables hold them after the locks (none
        -- where the link is not active or the device is not owned by the link's account).
        CREATE FUNCTION blast_radius_rebuild(link_ids uuid[], device_ids uuid[]) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM 1 FROM account_links l WHERE l.id IN (SELECT unnest(link_ids)) ORDER BY l.id FOR SHARE;
            PERFORM 1 FROM devices d WHERE d.id IN (SELECT unnest(device_ids)) ORDER BY d.id FOR SHARE;
            DELETE FROM blast_radius_exposures r
            USING unnest(link_ids, device_ids) AS x(link_id, device_id)
            WHERE r.link_id = x.link_id AND r.device_id = x.device_id;
            {InsertRows}
            FROM unnest(link_ids, device_ids) AS x(link_id, device_id)
            JOIN device_exposures e ON e.link_id = x.link_id AND e.device_id = x.device_id
            JOIN account_links l ON l.id = e.link_id
            JOIN devices d ON d.id = e.device_id
            WHERE {Live};
        END;
        $$;

        -- A new exposure has no row yet (its key was free): lock its link and device, then insert what they allow.
        CREATE FUNCTION blast_radius_exposures_added() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM 1 FROM account_links l WHERE l.id IN (SELECT link_id FROM added_exposures) ORDER BY l.id FOR SHARE;
            PERFORM 1 FROM devices d WHERE d.id IN (SELECT device_id FROM added_exposures) ORDER BY d.id FOR SHARE;
            {InsertRows}
            FROM added_exposures e
            JOIN account_links l ON l.id = e.link_id
            JOIN devices d ON d.id = e.device_id
            WHERE {Live};
            RETURN NULL;
        END;
        $$;

        CREATE FUNCTION blast_radius_exposures_removed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM blast_radius_exposures r
            USING removed_exposures o
            WHERE r.link_id = o.link_id AND r.device_id = o.device_id;
            RETURN NULL;
        END;
        $$;

        -- A link's rows depend on its account, integration, status and grant; rebuild the exposures of those that changed.
        CREATE FUNCTION blast_radius_links_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE link_ids uuid[]; device_ids uuid[];
        BEGIN
            -- Their exposures, locked (see blast_radius_rebuild for the links and devices).
            SELECT array_agg(x.link_id), array_agg(x.device_id) INTO link_ids, device_ids
            FROM (SELECT e.link_id, e.device_id FROM device_exposures e
                  WHERE e.link_id IN (
                      SELECT n.id FROM new_links n JOIN old_links o ON o.id = n.id
                      WHERE (n.account_id, n.integration_id, n.status, n.granted_actions)
                            IS DISTINCT FROM (o.account_id, o.integration_id, o.status, o.granted_actions))
                  ORDER BY e.link_id, e.device_id FOR SHARE) AS x;
            IF link_ids IS NOT NULL THEN
                PERFORM blast_radius_rebuild(link_ids, device_ids);
            END IF;
            RETURN NULL;
        END;
        $$;

        CREATE FUNCTION blast_radius_links_removed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM blast_radius_exposures r USING removed_links o WHERE r.link_id = o.id;
            RETURN NULL;
        END;
        $$;

        -- A device's rows depend on its owner and its filter columns; rebuild the exposures of those that changed.
        CREATE FUNCTION blast_radius_devices_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE link_ids uuid[]; device_ids uuid[];
        BEGIN
            -- Their exposures, locked (see blast_radius_rebuild for the links and devices).
            SELECT array_agg(x.link_id), array_agg(x.device_id) INTO link_ids, device_ids
            FROM (SELECT e.link_id, e.device_id FROM device_exposures e
                  WHERE e.device_id IN (
                      SELECT n.id FROM new_devices n JOIN old_devices o ON o.id = n.id
                      WHERE (n.owner_id, n.model, n.firmware, n.region, n.serial)
                            IS DISTINCT FROM (o.owner_id, o.model, o.firmware, o.region, o.serial))
                  ORDER BY e.link_id, e.device_id FOR SHARE) AS x;
            IF link_ids IS NOT NULL THEN
                PERFORM blast_radius_rebuild(link_ids, device_ids);
            END IF;
            RETURN NULL;
        END;
        $$;

        CREATE FUNCTION blast_radius_devices_removed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM blast_radius_exposures r USING removed_devices o WHERE r.device_id = o.id;
            RETURN NULL;
        END;
        $$;

        CREATE FUNCTION blast_radius_truncated() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            TRUNCATE blast_radius_exposures;
            RETURN NULL;
        END;
        $$;

        CREATE TRIGGER blast_radius_exposures_added
            AFTER INSERT ON device_exposures REFERENCING NEW TABLE AS added_exposures
            FOR EACH STATEMENT EXECUTE FUNCTION blast_radius_exposures_added();
        CREATE TRIGGER blast_radius_exposures_removed
            AFTER DELETE ON device_exposures REFERENCING OLD TABLE AS removed_exposures
            FOR EACH STATEMENT EXECUTE FUNCTION blast_radius_exposures_removed();
        CREATE TRIGGER blast_radius_exposures_truncated
            AFTER TRUNCATE ON device_exposures
            FOR EACH STATEMENT EXECUTE FUNCTION blast_radius_truncated();
        CREATE TRIGGER blast_radius_links_changed
            AFTER UPDATE ON account_links REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
            FOR EACH STATEMENT EXECUTE FUNCTION blast_radius_links_changed();
        CREATE TRIGGER blast_radius_links_removed
            AFTER DELETE ON account_links REFERENCING OLD TABLE AS removed_links
            FOR EACH STATEMENT EXECUTE FUNCTION blast_radius_links_removed();
        CREATE TRIGGER blast_radius_devices_changed
            AFTER UPDATE ON devices REFERENCING OLD TABLE AS old_devices NEW TABLE AS new_devices
            FOR EACH STATEMENT EXECUTE FUNCTION blast_radius_devices_changed();
        CREATE TRIGGER blast_radius_devices_removed
            AFTER DELETE ON devices REFERENCING OLD TABLE AS removed_devices
            FOR EACH STATEMENT EXECUTE FUNCTION blast_radius_devices_removed();

        ALTER TABLE device_exposures ENABLE ALWAYS TRIGGER blast_radius_exposures_added;
        ALTER TABLE device_exposures ENABLE ALWAYS TRIGGER blast_radius_exposures_removed;
        ALTER TABLE device_exposures ENABLE ALWAYS TRIGGER blast_radius_exposures_truncated;
        ALTER TABLE account_links ENABLE ALWAYS TRIGGER blast_radius_links_changed;
        ALTER TABLE account_links ENABLE ALWAYS TRIGGER blast_radius_links_removed;
        ALTER TABLE devices ENABLE ALWAYS TRIGGER blast_radius_devices_changed;
        ALTER TABLE devices ENABLE ALWAYS TRIGGER blast_radius_devices_removed;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS blast_radius_devices_removed ON devices;
        DROP TRIGGER IF EXISTS blast_radius_devices_changed ON devices;
        DROP TRIGGER IF EXISTS blast_radius_links_removed ON account_links;
        DROP TRIGGER IF EXISTS blast_radius_links_changed ON account_links;
        DROP TRIGGER IF EXISTS blast_radius_exposures_truncated ON device_exposures;
        DROP TRIGGER IF EXISTS blast_radius_exposures_removed ON device_exposures;
        DROP TRIGGER IF EXISTS blast_radius_exposures_added ON device_exposures;
        DROP FUNCTION IF EXISTS blast_radius_truncated();
        DROP FUNCTION IF EXISTS blast_radius_devices_removed();
        DROP FUNCTION IF EXISTS blast_radius_devices_changed();
        DROP FUNCTION IF EXISTS blast_radius_links_removed();
        DROP FUNCTION IF EXISTS blast_radius_links_changed();
        DROP FUNCTION IF EXISTS blast_radius_exposures_removed();
        DROP FUNCTION IF EXISTS blast_radius_exposures_added();
        DROP FUNCTION IF EXISTS blast_radius_rebuild(uuid[], uuid[]);
        """;
}
