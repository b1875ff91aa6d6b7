using Dashboard.Core.Audit;

namespace Dashboard.UnitTests.Audit;

/// <summary>Builds correctly chained entries in memory, for tests that then break them.</summary>
internal static class TestChain
{
    public static List<AuditEntry> Build(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        for (var id = 1; id <= count; id++)
        {
            var entry = Entry(id, previous);
            entries.Add(entry);
            previous = entry.Hash;
        }
        return entries;
    }

    public static AuditEntry Entry(long id, byte[] previousHash, string reason = "because")
    {
        var entry = new AuditEntry
        {
            Id = id,
            At = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddSeconds(id),
            Actor = "user-" + id,
            Action = "device.claimed",
            EntityType = "device",
            EntityId = "DEMO-CAM-" + id,
            Reason = reason,
            Data = """{"serial":"DEMO-CAM"}""",
            PreviousHash = previousHash,
            Hash = [],
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        return entry;
    }

    public static async IAsyncEnumerable<AuditEntry> Stream(IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            await Task.Yield();
            yield return entry;
        }
    }
}
