namespace Dashboard.Migrations;

/// <summary>
/// The one change the append-only tables accept (decision 0029): during an account erasure (the transaction-local
/// setting <c>dashboard.erasure</c> is <c>on</c>), an audit entry whose reason is chained by digest may lose its reason
/// text and salt, and an ownership event may have its reason and actor label rewritten. Everything else stays refused
/// as before, with the same error. Literal SQL, like <see cref="AppendOnlyTables"/>, so this migration never changes.
/// </summary>
internal static class ErasureUpdates
{
    public const string Create = """
        CREATE OR REPLACE FUNCTION refuse_change_to_append_only_table() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND current_setting('dashboard.erasure', true) = 'on' THEN
                RETURN NULL;
            END IF;
            RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation',
                      HINT = 'Audit entries and ownership events are never changed or removed; record a new one instead.';
        END;
        $$;

        CREATE FUNCTION allow_only_erasure_of_audit_reason() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.reason_digest IS NOT NULL AND NEW.reason IS NULL AND NEW.reason_salt IS NULL
               AND (NEW.id, NEW.at, NEW.actor, NEW.action, NEW.entity_type, NEW.entity_id, NEW.data,
                    NEW.reason_digest, NEW.correlation_id, NEW.previous_hash, NEW.hash)
                   IS NOT DISTINCT FROM
                   (OLD.id, OLD.at, OLD.actor, OLD.action, OLD.entity_type, OLD.entity_id, OLD.data,
                    OLD.reason_digest, OLD.correlation_id, OLD.previous_hash, OLD.hash) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'UPDATE on audit_entries refused: the table is append-only'
                USING ERRCODE = 'restrict_violation',
                      HINT = 'Erasure may only clear the reason of an entry that chains its digest.';
        END;
        $$;

        CREATE TRIGGER audit_entries_erasure_only
            BEFORE UPDATE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION allow_only_erasure_of_audit_reason();

        CREATE FUNCTION allow_only_erasure_of_ownership_text() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF (NEW.id, NEW.device_id, NEW.kind, NEW.from_account_id, NEW.to_account_id, NEW.actor_user_id, NEW.at)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.device_id, OLD.kind, OLD.from_account_id, OLD.to_account_id, OLD.actor_user_id, OLD.at) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'UPDATE on ownership_events refused: the table is append-only'
                USING ERRCODE = 'restrict_violation',
                      HINT = 'Erasure may only rewrite the reason and actor label of an ownership event.';
        END;
        $$;

        CREATE TRIGGER ownership_events_erasure_only
            BEFORE UPDATE ON ownership_events
            FOR EACH ROW EXECUTE FUNCTION allow_only_erasure_of_ownership_text();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS ownership_events_erasure_only ON ownership_events;
        DROP FUNCTION IF EXISTS allow_only_erasure_of_ownership_text();
        DROP TRIGGER IF EXISTS audit_entries_erasure_only ON audit_entries;
        DROP FUNCTION IF EXISTS allow_only_erasure_of_audit_reason();
        CREATE OR REPLACE FUNCTION refuse_change_to_append_only_table() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation',
                      HINT = 'Audit entries and ownership events are never changed or removed; record a new one instead.';
        END;
        $$;
        """;
}
