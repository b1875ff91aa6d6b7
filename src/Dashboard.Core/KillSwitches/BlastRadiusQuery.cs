using System.Text;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Npgsql;

namespace Dashboard.Core.KillSwitches;

/// <summary>An integration as the blast radius needs it: which actions it offers.</summary>
internal sealed record RadiusIntegration(Guid Id, string Key, IntegrationKind Kind, AccessActions Actions);

/// <summary>
/// The blast radius of a scope as one SQL statement: exposures whose link is active, whose device is still owned by the
/// link's account, whose account is not locked, and for which at least one scoped action is both granted (link grant ∩
/// integration actions) and not already denied by a switch that still denies. Every value travels as a parameter.
/// The first two conditions are kept by the writers: <c>blast_radius_exposures</c> holds exactly those exposures, with
/// the link's and device's columns (<see cref="BlastRadiusExposure"/>), so the statement reads one table and joins
/// nothing at fleet scale (docs/decisions/0040-blast-radius-from-maintained-exposures.md).
/// </summary>
/// <remarks>
/// At fleet scale the statement must stay a few set operations over the exposures, never work per row that grows with
/// the switches. So what does not depend on the row is decided here, before the statement is built: which integrations
/// the scope selects, and for each of them and each scoped action, which already-denying switches cover it (by
/// <see cref="KillSwitchMatcher"/> itself, so the preview reads stored scopes exactly as decisions do). What is left
/// per row is plain column comparisons: each covering switch's narrowing lists (models, firmware, regions, devices,
/// accounts), with the matcher's reading of lists it cannot use (empty, or holding a blank entry: narrows nothing).
/// </remarks>
internal static class BlastRadiusQuery
{
    public static NpgsqlCommand Build(
        NpgsqlConnection connection,
        KillSwitchScope scope,
        IReadOnlyList<RadiusIntegration> integrations,
        IReadOnlyList<KillSwitchScope> denying)
    {
        var command = new NpgsqlCommand { Connection = connection };
        var actions = ScopedActions(scope);
        var selected = integrations.Where(i => Selects(scope, i)).ToList();
        var where = new StringBuilder();
        Narrow(where, command, "r.model", "models", scope.Models);
        Narrow(where, command, "r.firmware", "firmware", scope.Firmware);
        Narrow(where, command, "r.region", "regions", scope.Regions);
        // A scope naming devices or accounts is small: reach its rows through the devices' serial index and the
        // links' account index rather than reading every row (the cost follows the radius, not the fleet).
        if (scope.Devices is { Count: > 0 } devices)
        {
            where.Append(" AND r.device_id IN (SELECT d.id FROM devices d WHERE d.serial = ANY(@devices))");
            command.Parameters.Add(new NpgsqlParameter<string[]>("devices", devices.ToArray()));
        }
        if (scope.Accounts is { Count: > 0 } accounts)
        {
            where.Append(" AND r.account_id = ANY(@accounts)")
                .Append(" AND r.link_id IN (SELECT l.id FROM account_links l WHERE l.account_id = ANY(@accounts))");
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("accounts", accounts.ToArray()));
        }
        where.Append(" AND (").Append(StillGranted(command, selected, actions, denying)).Append(')');
        Add(command, "locked", nameof(AccountStatus.Locked));

        // Locked accounts are few (a partial index holds them): a hashed NOT IN filters the rows as they are scanned.
        var hits = $"""
            FROM blast_radius_exposures r
            WHERE r.account_id NOT IN (SELECT a.id FROM accounts a WHERE a.status = @locked){where}
            """;
        command.CommandText = selected.Count == 1
            // One integration: an account has at most one active link to it (ux_account_links_one_active) and a device
            // one owner, so accounts = links and every hit row is a distinct device; one aggregation by link suffices.
            ? $"""
                SELECT count(*), coalesce(sum(n), 0)::bigint, count(*)
                FROM (SELECT r.link_id, count(*) AS n {hits}
                      GROUP BY r.link_id) AS per_link
                """
            // One pass over the hits, three hash tables: a grouping set per count. In each set's rows the other two
            // columns are null, so count(column) counts that set's groups. (count(DISTINCT) would sort three times.)
            : $"""
                SELECT count(account_id), count(device_id), count(link_id)
                FROM (SELECT r.account_id, r.device_id, r.link_id {hits}
                      GROUP BY GROUPING SETS ((r.account_id), (r.device_id), (r.link_id))) AS per_set
                """;
        return command;
    }

    /// <summary>
    /// The row keeps at least one scoped action: for some selected integration and scoped action it offers, the link
    /// grants it and no denying switch covering that pair matches the row. Pairs with the same covering switches share
    /// one term, so with no switch in the way this is one grant test per integration.
    /// </summary>
    private static string StillGranted(
        NpgsqlCommand command,
        IReadOnlyList<RadiusIntegration> selected,
        IReadOnlyList<(AccessActions Action, string Name)> actions,
        IReadOnlyList<KillSwitchScope> denying)
    {
        var rowPredicates = new Dictionary<int, string?>();
        var terms = new List<string>();
        foreach (var integration in selected)
        {
            var groups = new Dictionary<string, (AccessActions Mask, int[] Switches)>(StringComparer.Ordinal);
            foreach (var (action, name) in actions)
            {
                if ((integration.Actions & action) == 0)
                {
                    continue;
                }
                var covering = Enumerable.Range(0, denying.Count).Where(k => Covers(denying[k], integration, action)).ToArray();
                var key = string.Join(',', covering);
                groups[key] = groups.TryGetValue(key, out var group) ? (group.Mask | action, group.Switches) : (action, covering);
            }
            foreach (var (mask, switches) in groups.Values)
            {
                var notDenied = new List<string>();
                var fullyDenied = false;
                foreach (var k in switches)
                {
                    if (!rowPredicates.TryGetValue(k, out var predicate))
                    {
                        predicate = RowPredicate(command, denying[k], $"k{k}_");
                        rowPredicates[k] = predicate;
                    }
                    if (predicate is null)
                    {
                        fullyDenied = true; // the switch narrows nothing per row: every row of this pair is denied
                        break;
                    }
                    notDenied.Add($"NOT ({predicate})");
                }
                if (fullyDenied)
                {
                    continue;
                }
                var id = Parameter(command, $"i{terms.Count}", integration.Id);
                var bits = Parameter(command, $"m{terms.Count}", (int)mask);
                var term = new StringBuilder($"(r.integration_id = {id} AND r.granted_actions & {bits} <> 0");
                foreach (var part in notDenied)
                {
                    term.Append(" AND ").Append(part);
                }
                terms.Add(term.Append(')').ToString());
            }
        }
        return terms.Count == 0 ? "FALSE" : string.Join("\n   OR ", terms);
    }

    /// <summary>The selector of the new (validated, canonical) scope: one integration, a kind, or all.</summary>
    private static bool Selects(KillSwitchScope scope, RadiusIntegration integration)
    {
        if (scope.Integration is { } key)
        {
            return string.Equals(key, integration.Key, StringComparison.Ordinal);
        }
        if (scope.IntegrationKind is { } kindName && IntegrationKindNames.TryParse(kindName, out var kind))
        {
            return kind == integration.Kind;
        }
        return true;
    }

    /// <summary>Does a denying switch cover this integration and action, whatever the device and account?</summary>
    private static bool Covers(KillSwitchScope denying, RadiusIntegration integration, AccessActions action)
    {
        // Only the selector and the actions: the narrowing lists are left to the row predicate.
        var selectorAndActions = denying with { Models = null, Firmware = null, Regions = null, Accounts = null, Devices = null };
        return KillSwitchMatcher.Matches(
            selectorAndActions, new KillSwitchTarget(integration.Key, integration.Kind, action, "", "", "", "", Guid.Empty));
    }

    /// <summary>
    /// The denying switch's narrowing lists as a predicate on the row, read as <see cref="KillSwitchMatcher"/> reads
    /// them; null when no list narrows (the switch covers every row of its integrations and actions).
    /// </summary>
    private static string? RowPredicate(NpgsqlCommand command, KillSwitchScope denying, string prefix)
    {
        var parts = new List<string>();
        void Text(string column, string name, IReadOnlyList<string>? list, Func<string, string> canonical)
        {
            if (list is { Count: > 0 } && list.All(e => !string.IsNullOrWhiteSpace(e)))
            {
                parts.Add($"{column} = ANY({Parameter(command, prefix + name, list.Select(canonical).Distinct(StringComparer.Ordinal).ToArray())})");
            }
        }
        Text("r.model", "models", denying.Models, e => e);
        Text("r.firmware", "firmware", denying.Firmware, e => e);
        Text("r.region", "regions", denying.Regions, e => e);
        // Serials are stored canonical (trimmed, upper case); the matcher compares trimmed and case-insensitively.
        Text("r.serial", "devices", denying.Devices, e => e.Trim().ToUpperInvariant());
        if (denying.Accounts is { Count: > 0 } accounts)
        {
            parts.Add($"r.account_id = ANY({Parameter(command, prefix + "accounts", accounts.ToArray())})");
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
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

    private static string Parameter<T>(NpgsqlCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return "@" + name;
    }

    private static void Add(NpgsqlCommand command, string name, string value) =>
        command.Parameters.Add(new NpgsqlParameter<string>(name, value));
}
