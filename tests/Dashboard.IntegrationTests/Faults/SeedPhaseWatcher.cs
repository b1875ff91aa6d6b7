using Npgsql;

namespace Dashboard.IntegrationTests.Faults;

/// <summary>What a seeding session is doing, read from <c>pg_stat_activity</c>.</summary>
public enum SeedPhase
{
    /// <summary><c>COPY seed_stage_...</c>: a chunk going into the staging tables.</summary>
    Copy,

    /// <summary><c>INSERT ... SELECT</c> from staging into the real tables (a chunk's merge).</summary>
    Merge,
}

/// <summary>
/// Watches the statements of the sessions named <c>applicationName</c> (the seeding app's) and tells when one of a
/// phase is running. Each statement is told apart by its start time, so the watcher knows how many merges have run
/// before the current statement: "a COPY after a merge" is the second chunk's staging.
/// </summary>
public sealed class SeedPhaseWatcher(string connectionString, string applicationName)
{
    private const string ActiveSql = """
        SELECT query, query_start FROM pg_stat_activity
        WHERE application_name = $1 AND state = 'active' AND (query LIKE 'COPY seed_stage%' OR query LIKE 'WITH new_%')
        """;

    private readonly HashSet<DateTime> _merges = [];

    /// <summary>Merge statements seen so far (each counted once).</summary>
    public int MergesSeen => _merges.Count;

    /// <summary>
    /// Polls until a statement of <paramref name="phase"/> runs after at least <paramref name="mergesBefore"/> merge
    /// statements were seen; fails when <paramref name="stillRunning"/> turns false first (the seed ended).
    /// </summary>
    public async Task WaitForAsync(SeedPhase phase, int mergesBefore, Func<bool> stillRunning, TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ActiveSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicationName });
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var current = reader.GetString(0).StartsWith("COPY", StringComparison.Ordinal) ? SeedPhase.Copy : SeedPhase.Merge;
                    var mergesEarlier = _merges.Count;
                    if (current == SeedPhase.Merge)
                    {
                        _merges.Add(reader.GetDateTime(1));
                        mergesEarlier = _merges.Count - 1;
                    }
                    if (current == phase && mergesEarlier >= mergesBefore)
                    {
                        return;
                    }
                }
            }
            if (!stillRunning() || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"No {phase} after {mergesBefore} merge statement(s) was seen (saw {_merges.Count}); the seed ended or took over {timeout}.");
            }
            await Task.Delay(5);
        }
    }
}
