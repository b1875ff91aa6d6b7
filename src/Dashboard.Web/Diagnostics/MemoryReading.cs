using System.Runtime;

namespace Dashboard.Web.Diagnostics;

/// <summary>What <c>/diagnostics/memory</c> answers: the managed heap right after a full compacting collection.</summary>
public sealed record MemoryReading(
    long HeapBytes,
    long HeapSizeBytes,
    long FragmentedBytes,
    long CommittedBytes,
    long WorkingSetBytes,
    int Gen2Collections,
    int CircuitsOpen,
    int CircuitsConnected)
{
    /// <summary>
    /// Blocks this process for a full, compacting (large object heap included) collection, lets finalizers run and
    /// collects what they released, then reads the heap: what is left is what something still holds.
    /// </summary>
    public static MemoryReading AfterFullCollection(CircuitCounter circuits)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new MemoryReading(
            heap, info.HeapSizeBytes, info.FragmentedBytes, info.TotalCommittedBytes, process.WorkingSet64,
            GC.CollectionCount(2), circuits.Open, circuits.Connected);
    }
}
