using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Dashboard.IntegrationTests.Api.Search;

/// <summary>Records the SQL and parameters EF sends, and replays a command under EXPLAIN to see its plan.</summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedCommand> _commands = new();

    public IReadOnlyList<CapturedCommand> All => _commands.ToList();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command) => _commands.Enqueue(new CapturedCommand(
        command.CommandText,
        command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
}

public sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    /// <summary>The plan PostgreSQL chooses for this command with these parameter values.</summary>
    public async Task<QueryPlan> ExplainAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + Sql, connection);
        foreach (var (name, value) in Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }
        var json = (string)(await command.ExecuteScalarAsync())!;
        return new QueryPlan(json);
    }
}

/// <summary>The nodes of an EXPLAIN (FORMAT JSON) plan.</summary>
public sealed class QueryPlan
{
    public QueryPlan(string json)
    {
        Json = json;
        using var document = JsonDocument.Parse(json);
        var nodes = new List<(string, string?, string?)>();
        Collect(document.RootElement[0].GetProperty("Plan"), nodes);
        Nodes = nodes;
    }

    public string Json { get; }

    /// <summary>Node type, relation, index of every node.</summary>
    public IReadOnlyList<(string Type, string? Relation, string? Index)> Nodes { get; }

    public IEnumerable<string> IndexesUsed => Nodes.Select(n => n.Index).OfType<string>().Distinct();

    public IEnumerable<string> SequentialScans =>
        Nodes.Where(n => n.Type == "Seq Scan").Select(n => n.Relation ?? "?");

    private static void Collect(JsonElement node, List<(string, string?, string?)> nodes)
    {
        nodes.Add((
            node.GetProperty("Node Type").GetString()!,
            node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
            node.TryGetProperty("Index Name", out var index) ? index.GetString() : null));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Collect(child, nodes);
            }
        }
    }
}
