using Dashboard.Core.Seeding;
using Npgsql;

namespace Dashboard.IntegrationTests.Faults;

/// <summary>
/// The generated fleet's footprint in the database: rows whose ids are the generator's (<see cref="FleetIds"/>, so the
/// demo fixture and hand-made rows never count), distinct serials among those devices, staging tables left anywhere,
/// and <c>fleet.seeded</c> audit entries.
/// </summary>
public sealed record FleetState(long Devices, long DistinctSerials, long Accounts, long Links, long StagingTables, long SeedAuditEntries)
{
    public static readonly FleetState Empty = new(0, 0, 0, 0, 0, 0);

    private const string Sql = """
        SELECT
            (SELECT count(*) FROM devices WHERE id BETWEEN $1 AND $2),
            (SELECT count(DISTINCT serial) FROM devices WHERE id BETWEEN $1 AND $2),
            (SELECT count(*) FROM accounts WHERE id BETWEEN $3 AND $4),
            (SELECT count(*) FROM account_links WHERE id BETWEEN $5 AND $6),
            (SELECT count(*) FROM pg_class WHERE relname LIKE 'seed_stage%'),
            (SELECT count(*) FROM audit_entries WHERE action = 'fleet.seeded')
        """;

    public static async Task<FleetState> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        var (firstDevice, lastDevice) = FleetIds.DeviceRange;
        foreach (var id in new[] { firstDevice, lastDevice, FleetIds.Account(0), Last(FleetIds.Account(0)), FleetIds.Link(0, 0), Last(FleetIds.Link(0, 0)) })
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        }
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new FleetState(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>The largest id of the same kind as <paramref name="first"/>: its 48 index bits all set.</summary>
    private static Guid Last(Guid first)
    {
        Span<byte> bytes = stackalloc byte[16];
        first.TryWriteBytes(bytes, bigEndian: true, out _);
        bytes[10..].Fill(0xFF);
        return new Guid(bytes, bigEndian: true);
    }
}
