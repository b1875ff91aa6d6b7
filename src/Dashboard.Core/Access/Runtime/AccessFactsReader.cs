using System.Data;
using Dashboard.Core.KillSwitches;
using Npgsql;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Reads decision facts with one statement per question, so the facts and the policy revision they are reported at
/// come from one snapshot (a statement sees one snapshot, subqueries included, in READ COMMITTED).
/// </summary>
public sealed class AccessFactsReader(AccessDatabase database)
{
    // The account's active link to the integration, else its latest revoked one (the engine treats that as none).
    // {0} and {1} are the account and integration parameters.
    private const string LinkJoin = """
        LEFT JOIN LATERAL (
            SELECT al.id, al.status, al.granted_actions
            FROM account_links al
            WHERE al.account_id = {0} AND al.integration_id = {1}
            ORDER BY al.status = 'Active' DESC, al.linked_at DESC
            LIMIT 1) l ON TRUE
        """;

    private const string DenyingSwitchesJson = """
        (SELECT coalesce(json_agg(json_build_object('id', k.id, 'scope', k.scope)), '[]')::text
         FROM kill_switches k WHERE k.lift_approved_at IS NULL)
        """;

    private const string SubjectColumns = """
        r.value,
        a.id, a.status,
        d.serial, d.owner_id, d.model, d.firmware, d.region, d.ownership_version,
        l.status, l.granted_actions,
        EXISTS (SELECT 1 FROM device_exposures e WHERE e.link_id = l.id AND e.device_id = d.id)
        """;

    private static readonly string SubjectFrom = $"""
        FROM policy_revision r
        LEFT JOIN accounts a ON a.id = $1
        LEFT JOIN devices d ON d.serial = $2
        {string.Format(LinkJoin, "$1", "$3")}
        """;

    /// <summary>$1 account, $2 canonical serial, $3 integration.</summary>
    private static readonly string SubjectSql = $"""
        SELECT {SubjectColumns}
        {SubjectFrom}
        WHERE r.id = 1
        """;

    /// <summary>The same, with the integration and the denying kill switches (when the catalog cannot be trusted).</summary>
    private static readonly string SubjectWithPolicySql = $"""
        SELECT {SubjectColumns},
               i.id, i.key, i.kind, i.actions,
               {DenyingSwitchesJson}
        {SubjectFrom}
        LEFT JOIN integrations i ON i.id = $3
        WHERE r.id = 1
        """;

    /// <summary>$1 account, $2 integration.</summary>
    private static readonly string FleetSql = $"""
        SELECT r.value, a.id, a.status, l.status, l.granted_actions,
               i.id, i.key, i.kind, i.actions, ks.switches,
               d.serial, d.owner_id, d.model, d.firmware, d.region, d.ownership_version,
               e.device_id IS NOT NULL
        FROM policy_revision r
        CROSS JOIN (SELECT {DenyingSwitchesJson} AS switches) ks
        LEFT JOIN accounts a ON a.id = $1
        LEFT JOIN integrations i ON i.id = $2
        {string.Format(LinkJoin, "$1", "$2")}
        LEFT JOIN devices d ON d.owner_id = a.id
        LEFT JOIN device_exposures e ON e.link_id = l.id AND e.device_id = d.id
        WHERE r.id = 1
        ORDER BY d.serial
        """;

    private const string CatalogSql = $"""
        SELECT (SELECT value FROM policy_revision WHERE id = 1),
               (SELECT coalesce(json_agg(json_build_object('id', i.id, 'key', i.key, 'kind', i.kind, 'actions', i.actions)), '[]')::text
                FROM integrations i),
               {DenyingSwitchesJson}
        """;

    public async Task<SubjectFacts> ReadSubjectAsync(FactsKey key, CancellationToken ct)
    {
        await using var command = Command(SubjectSql, key.AccountId, key.Serial, key.IntegrationId);
        await using var row = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        return await ReadSingleAsync(row, ct) ? Subject(row) : throw MissingRevisionRow();
    }

    public async Task<(SubjectFacts Subject, IntegrationFacts? Integration, IReadOnlyList<DenyingKillSwitch> KillSwitches)>
        ReadSubjectWithPolicyAsync(FactsKey key, CancellationToken ct)
    {
        await using var command = Command(SubjectWithPolicySql, key.AccountId, key.Serial, key.IntegrationId);
        await using var row = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await ReadSingleAsync(row, ct))
        {
            throw MissingRevisionRow();
        }
        return (Subject(row), FactsColumns.Integration(row, 12), FactsColumns.KillSwitches(row.GetString(16)));
    }

    /// <summary>The account, its link to the integration, and every device it owns with its exposure on that link.</summary>
    public async Task<AccountFleetFacts> ReadFleetAsync(Guid integrationId, Guid accountId, CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand(FleetSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = integrationId });
        await using var row = await command.ExecuteReaderAsync(ct);
        if (!await row.ReadAsync(ct))
        {
            throw MissingRevisionRow();
        }
        var revision = row.GetInt64(0);
        var account = FactsColumns.Account(row, 1);
        var link = FactsColumns.Link(row, 3);
        var integration = FactsColumns.Integration(row, 5);
        var switches = FactsColumns.KillSwitches(row.GetString(9));
        var devices = new List<OwnedDeviceFacts>();
        do
        {
            if (FactsColumns.Device(row, 10) is { } device)
            {
                devices.Add(new OwnedDeviceFacts(device, row.GetBoolean(16)));
            }
        }
        while (await row.ReadAsync(ct));
        return new AccountFleetFacts(account, integration!, link, devices, switches, revision);
    }

    public async Task<PolicyCatalog> ReadCatalogAsync(CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand(CatalogSql);
        await using var row = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await ReadSingleAsync(row, ct) || row.IsDBNull(0))
        {
            throw MissingRevisionRow();
        }
        return new PolicyCatalog(
            FactsColumns.Integrations(row.GetString(1)), FactsColumns.KillSwitches(row.GetString(2)), row.GetInt64(0));
    }

    private NpgsqlCommand Command(string sql, Guid accountId, string serial, Guid integrationId)
    {
        var command = database.Pool.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serial ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = integrationId });
        return command;
    }

    private static async Task<bool> ReadSingleAsync(NpgsqlDataReader row, CancellationToken ct) => await row.ReadAsync(ct);

    private static SubjectFacts Subject(NpgsqlDataReader row) => new(
        FactsColumns.Account(row, 1),
        FactsColumns.Device(row, 3),
        FactsColumns.Link(row, 9),
        row.GetBoolean(11),
        row.GetInt64(0));

    // The policy_revision row is created by the first migration; without it nothing can be decided safely.
    private static InvalidOperationException MissingRevisionRow() => new("The policy_revision row is missing.");
}
