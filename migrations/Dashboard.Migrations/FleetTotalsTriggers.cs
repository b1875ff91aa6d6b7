namespace Dashboard.Migrations;

/// <summary>
/// Keeps <c>fleet_totals.devices</c> equal to <c>count(*) FROM devices</c>: statement-level triggers add the rows a
/// statement inserted and subtract the rows it deleted (from its transition tables), and a truncate resets it, all in
/// the statement's own transaction. They are <c>ENABLE ALWAYS</c>, so they fire in <c>session_replication_role =
/// replica</c> too: the bulk seed uses that mode to skip foreign-key checks, and the counter must not be skipped
/// with them. Kept as literal SQL so the migration that uses it never changes after it has run somewhere.
/// </summary>
internal static class FleetTotalsTriggers
{
    public const string Create = """
        -- No device may be added or removed between the count and the triggers that take over from it.
        LOCK TABLE devices IN SHARE ROW EXCLUSIVE MODE;

        UPDATE fleet_totals SET devices = (SELECT count(*) FROM devices) WHERE id = 1;

        CREATE FUNCTION fleet_totals_devices_inserted() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE n bigint;
        BEGIN
            SELECT count(*) INTO n FROM inserted_devices;
            IF n > 0 THEN
                UPDATE fleet_totals SET devices = devices + n WHERE id = 1;
            END IF;
            RETURN NULL;
        END;
        $$;

        CREATE FUNCTION fleet_totals_devices_deleted() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE n bigint;
        BEGIN
            SELECT count(*) INTO n FROM deleted_devices;
            IF n > 0 THEN
                UPDATE fleet_totals SET devices = devices - n WHERE id = 1;
            END IF;
            RETURN NULL;
        END;
        $$;

        CREATE FUNCTION fleet_totals_devices_truncated() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE fleet_totals SET devices = 0 WHERE id = 1;
            RETURN NULL;
        END;
        $$;

        CREATE TRIGGER devices_count_inserted
            AFTER INSERT ON devices REFERENCING NEW TABLE AS inserted_devices
            FOR EACH STATEMENT EXECUTE FUNCTION fleet_totals_devices_inserted();

        CREATE TRIGGER devices_count_deleted
            AFTER DELETE ON devices REFERENCING OLD TABLE AS deleted_devices
            FOR EACH STATEMENT EXECUTE FUNCTION fleet_totals_devices_deleted();

        CREATE TRIGGER devices_count_truncated
            AFTER TRUNCATE ON devices
            FOR EACH STATEMENT EXECUTE FUNCTION fleet_totals_devices_truncated();

        ALTER TABLE devices ENABLE ALWAYS TRIGGER devices_count_inserted;
        ALTER TABLE devices ENABLE ALWAYS TRIGGER devices_count_deleted;
        ALTER TABLE devices ENABLE ALWAYS TRIGGER devices_count_truncated;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS devices_count_truncated ON devices;
        DROP TRIGGER IF EXISTS devices_count_deleted ON devices;
        DROP TRIGGER IF EXISTS devices_count_inserted ON devices;
        DROP FUNCTION IF EXISTS fleet_totals_devices_truncated();
        DROP FUNCTION IF EXISTS fleet_totals_devices_deleted();
        DROP FUNCTION IF EXISTS fleet_totals_devices_inserted();
        """;
}
