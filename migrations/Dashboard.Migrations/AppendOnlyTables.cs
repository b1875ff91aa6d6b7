namespace Dashboard.Migrations;

/// <summary>
/// Triggers that make the audit log and the ownership ledger append-only in the database itself, so no code path,
/// tool or hand-typed statement can rewrite history; only a superuser who switches triggers off can, and the audit
/// chain's hashes show it. Kept as literal SQL here (not built from shared constants) so the migration that uses
/// it never changes after it has run somewhere.
/// </summary>
internal static class AppendOnlyTables
{
    public const string Function = "refuse_change_to_append_only_table";

    /// <summary>SQLSTATE raised on a refused change: restrict_violation.</summary>
    public const string SqlState = "23001";

    public const string Create = """
        CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation',
                      HINT = 'Audit entries and ownership events are never changed or removed; record a new one instead.';
        END;
        $$;

        CREATE TRIGGER audit_entries_append_only
            BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

        CREATE TRIGGER ownership_events_append_only
            BEFORE UPDATE OR DELETE OR TRUNCATE ON ownership_events
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS ownership_events_append_only ON ownership_events;
        DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries;
        DROP FUNCTION IF EXISTS refuse_change_to_append_only_table();
        """;
}
