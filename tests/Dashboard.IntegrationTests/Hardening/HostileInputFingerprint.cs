using Npgsql;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>A hash per table of everything a rejected request must leave alone.</summary>
internal static class HostileInputFingerprint
{
    /// <summary>
    /// Tables left out, because a request the API rightly refuses or answers may still write them:
    /// decision telemetry (<c>decision_counters</c>, <c>device_decision_counts</c>, <c>not_owner_decisions</c>: a
    /// deny is counted and sampled on purpose), <c>enforcement_points</c> (each instance's heartbeat, written on a
    /// timer), <c>data_protection_keys</c> (the framework's key ring, created when it first needs one),
    /// <c>staff_access_records</c> (a staff read the API answers, say a device with an ignored hostile <c>page</c>, is
    /// recorded on purpose; StaffAccessRecordTests proves a refused read records nothing) and the migrations history.
    /// Everything else, including <c>policy_revision</c>, must not move.
    /// </summary>
    private static readonly HashSet<string> Excluded =
    [
        "decision_counters", "device_decision_counts", "not_owner_decisions", "enforcement_points",
        "data_protection_keys", "staff_access_records", "__ef_migrations_history",
    ];

    /// <summary>
    /// Usage timestamps, bumped when a credential or link is used (every authenticated call updates its token's
    /// <c>last_used_at</c>): bookkeeping of who called, not a change of state.
    /// </summary>
    private const string IgnoredColumns = "- 'last_used_at'";

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !Excluded.Contains(t)))
        {
            // Row contents as JSON, ordered by themselves: any insert, update or delete changes the hash.
            await using var hash = new NpgsqlCommand(
                $"""
                SELECT count(*) || ':' || coalesce(md5(string_agg(r.doc, '|' ORDER BY r.doc)), '')
                FROM (SELECT (to_jsonb(t) {IgnoredColumns})::text AS doc FROM "{table}" t) r
                """, connection);
            hashes[table] = (string)(await hash.ExecuteScalarAsync())!;
        }
        return hashes;
    }
}
