using System.Text;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Npgsql;
using NpgsqlTypes;

using Dashboard.Core.KillSwitches;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// The blast radius statement as it was before the switches that already deny became set predicates (commit 47dfb45),
/// kept so the preview benchmark can time both on the same database in the same run, and the integration tests can
/// prove the maintained table gives the same counts (KillSwitches/Radius/BlastRadiusPropertyTests).
/// The blast radius of a scope as one SQL statement. The statement's shape follows the scope (a narrowing list adds
/// one predicate), but every value travels as a parameter. It counts exposures whose link is active, whose device is
/// still owned by the link's account, whose account is not locked, and for which at least one scoped action is both
/// granted (link grant ∩ integration actions) and not already denied by another switch that still denies.
/// </summary>
/// <remarks>
/// Already-denying switches are read from their stored jsonb scope with the matcher's rules for valid scopes. Where a
/// stored list is not a non-empty array it narrows nothing, as <see cref="KillSwitchMatcher"/> reads it.
/// </remarks>
internal static class PreviousBlastRadiusQuery
{
    public static NpgsqlCommand Build(NpgsqlConnection connection, KillSwitchScope scope, Guid? excludeSwitchId)
    {
        var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder("""
            WITH hit AS MATERIALIZED (
            SELECT l.account_id, e.device_id, l.id AS link_id
            FROM device_exposures e
            JOIN account_links l ON l.id = e.link_id
            JOIN integrations i ON i.id = l.integration_id
            JOIN devices d ON d.id = e.device_id AND d.owner_id = l.account_id
            JOIN accounts a ON a.id = l.account_id
            WHERE l.status = @active AND a.status <> @locked
              AND l.granted_actions & i.actions & @action_mask <> 0
            """);
        Add(command, "active", nameof(LinkStatus.Active));
        Add(command, "locked", nameof(AccountStatus.Locked));

        if (scope.Integration is { } key)
        {
            sql.Append(" AND i.key = @integration");
            Add(command, "integration", key);
        }
        else if (scope.IntegrationKind is { } kindName && IntegrationKindNames.TryParse(kindName, out var kind))
        {
            sql.Append(" AND i.kind = @kind");
            Add(command, "kind", kind.ToString());
        }
        Narrow(sql, command, "d.model", "models", scope.Models);
        Narrow(sql, command, "d.firmware", "firmware", scope.Firmware);
        Narrow(sql, command, "d.region", "regions", scope.Regions);
        Narrow(sql, command, "d.serial", "devices", scope.Devices);
        if (scope.Accounts is { Count: > 0 } accounts)
        {
            sql.Append(" AND l.account_id = ANY(@accounts)");
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("accounts", accounts.ToArray()));
        }

        var actions = ScopedActions(scope);
        command.Parameters.Add(new NpgsqlParameter<string[]>("action_names", actions.Select(a => a.Name).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("action_bits", actions.Select(a => (int)a.Action).ToArray()));
        // A cheap join-level filter first, so the per-action check below only runs on rows that grant a scoped action.
        command.Parameters.Add(new NpgsqlParameter<int>("action_mask", actions.Aggregate(0, (mask, a) => mask | (int)a.Action)));
        sql.Append("""

             AND EXISTS (
                SELECT 1 FROM unnest(@action_names, @action_bits) AS act(name, bit)
                WHERE l.granted_actions & i.actions & act.bit <> 0
                  AND NOT EXISTS (
                    SELECT 1 FROM kill_switches k
                    WHERE k.lift_approved_at IS NULL
                      AND k.id IS DISTINCT FROM @exclude
                      AND (coalesce(k.scope->>'allIntegrations', 'false') = 'true'
                           OR lower(btrim(k.scope->>'integration')) = i.key
                           OR k.scope->>'integrationKind' = lower(i.kind))
            """);
        command.Parameters.Add(new NpgsqlParameter("exclude", NpgsqlDbType.Uuid) { Value = (object?)excludeSwitchId ?? DBNull.Value });
        sql.Append(StoredListAdmits("actions", "act.name"))
            .Append(StoredListAdmits("models", "d.model"))
            .Append(StoredListAdmits("firmware", "d.firmware"))
            .Append(StoredListAdmits("regions", "d.region"))
            .Append(StoredListAdmits("accounts", "l.account_id::text"))
            .Append(StoredListAdmits("devices", "d.serial"))
            .Append("""
            )))
            -- count(DISTINCT) always sorts; DISTINCT in a subquery can hash, which is much cheaper at fleet scale.
            SELECT (SELECT count(*) FROM (SELECT DISTINCT account_id FROM hit) AS accounts),
                   (SELECT count(*) FROM (SELECT DISTINCT device_id FROM hit) AS devices),
                   (SELECT count(*) FROM (SELECT DISTINCT link_id FROM hit) AS links)
            """);

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>The scope's actions, or every action when the scope does not narrow them.</summary>
    private static IReadOnlyList<(AccessActions Action, string Name)> ScopedActions(KillSwitchScope scope) =>
        scope.Actions is { Count: > 0 } names
            ? AccessActionNames.Each.Where(e => names.Contains(e.Name, StringComparer.Ordinal)).ToArray()
            : AccessActionNames.Each;

    private static void Narrow(StringBuilder sql, NpgsqlCommand command, string column, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            sql.Append($" AND {column} = ANY(@{name})");
            command.Parameters.Add(new NpgsqlParameter<string[]>(name, values.ToArray()));
        }
    }

    // The JSON keys are the stored scope's (camelCase) property names; a missing or unreadable list admits everything.
    private static string StoredListAdmits(string key, string value) => $"""

                      AND (jsonb_typeof(k.scope->'{key}') IS DISTINCT FROM 'array'
                           OR jsonb_array_length(k.scope->'{key}') = 0
                           OR k.scope->'{key}' ? {value})
        """;

    private static void Add(NpgsqlCommand command, string name, string value) =>
        command.Parameters.Add(new NpgsqlParameter<string>(name, value));
}
