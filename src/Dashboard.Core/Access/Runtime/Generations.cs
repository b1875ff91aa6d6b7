using System.Runtime.CompilerServices;

namespace Dashboard.Core.Access.Runtime;

/// <summary>The generations cached facts were read under; they stay valid while all four are still current.</summary>
public readonly record struct GenerationStamp(long Global, long Integration, long Account, long Device);

/// <summary>
/// Invalidation by counting instead of scanning. A change to a device, an account or an integration bumps that
/// subject's generation, a full flush bumps the global one. Cached facts remember the generations captured
/// <em>before</em> their database read, so a read that raced with a change can never be served after the change's
/// invalidation: either it saw the old generation (and is now stale by construction) or it started after the bump,
/// and so after the commit that caused it.
/// </summary>
/// <remarks>
/// Generations live in fixed arrays of stripes indexed by hash rather than in maps: memory stays bounded however
/// many subjects change, nothing is ever reset (a reset could make an old stamp current again), and two subjects
/// sharing a stripe only cost each other an extra cache miss.
/// </remarks>
public sealed class Generations
{
    private const int DeviceStripes = 1 << 16;
    private const int AccountStripes = 1 << 16;
    private const int IntegrationStripes = 1 << 8;

    private readonly long[] _devices = new long[DeviceStripes];
    private readonly long[] _accounts = new long[AccountStripes];
    private readonly long[] _integrations = new long[IntegrationStripes];
    private long _global;

    public GenerationStamp Capture(in FactsKey key) => new(
        Volatile.Read(ref _global),
        Volatile.Read(ref _integrations[IntegrationSlot(key.IntegrationId)]),
        Volatile.Read(ref _accounts[AccountSlot(key.AccountId)]),
        Volatile.Read(ref _devices[DeviceSlot(key.Serial)]));

    public bool IsCurrent(in FactsKey key, in GenerationStamp stamp) => Capture(key) == stamp;

    /// <param name="serial">Canonical serial.</param>
    public void InvalidateDevice(string serial) => Interlocked.Increment(ref _devices[DeviceSlot(serial)]);

    public void InvalidateAccount(Guid accountId) => Interlocked.Increment(ref _accounts[AccountSlot(accountId)]);

    public void InvalidateIntegration(Guid integrationId) =>
        Interlocked.Increment(ref _integrations[IntegrationSlot(integrationId)]);

    public void InvalidateAll() => Interlocked.Increment(ref _global);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DeviceSlot(string? serial) =>
        (serial is null ? 0 : StringComparer.Ordinal.GetHashCode(serial)) & (DeviceStripes - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AccountSlot(Guid id) => id.GetHashCode() & (AccountStripes - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IntegrationSlot(Guid id) => id.GetHashCode() & (IntegrationStripes - 1);
}
