using Dashboard.Core.Access;

namespace Dashboard.Core.Seeding;

/// <summary>
/// Generates the demo fleet deterministically: the rows for fleet index i are the same on every run, whatever
/// range is asked for, so seeding can always insert "what is missing" and a re-run adds nothing.
/// <para>
/// The fleet is cut into blocks of <see cref="BlockSize"/> devices, each generated from its own seed derived
/// from one fixed seed. Within a block, devices are grouped into households (one account owning 1-6 cameras
/// in one region) with a few unowned devices between them; an account's index is its first device's index.
/// Times are offsets back from the run's clock: they are the only thing that differs between runs, and
/// existing rows are never updated, so that never matters.
/// </para>
/// </summary>
public sealed class FleetGenerator(DateTime now)
{
    /// <summary>The fixed random seed of the demo fleet.</summary>
    public const ulong Seed = 0x5EED_F1EE_2026_0001;

    public const int BlockSize = 64;

    /// <summary>Rolled where a household could start, so about 8% of devices end up unowned.</summary>
    private const double UnownedShare = 0.17;
    private const double LockedShare = 0.01;
    private const double ReducedGrantShare = 0.10;
    private const double ExposureShare = 0.70;

    /// <summary>Household sizes and their weights: about 2.4 devices per account.</summary>
    private static readonly (int Size, int Weight)[] HouseholdSizes = [(1, 30), (2, 30), (3, 22), (4, 10), (5, 5), (6, 3)];

    private static readonly int RegionWeightTotal = FleetCatalog.Regions.Sum(r => r.Weight);
    private static readonly int ModelWeightTotal = FleetCatalog.Models.Sum(m => m.Weight);
    private static readonly int HouseholdWeightTotal = HouseholdSizes.Sum(h => h.Weight);

    public DateTime Now { get; } = now;

    /// <summary>
    /// The rows of fleet indexes [range.Start, range.End): its devices and their exposures, and every account
    /// owning one of them with its links (an account whose household straddles the range's edge may exist already
    /// from an earlier range).
    /// </summary>
    public FleetSlice Generate(FleetRange range)
    {
        var slice = new FleetSlice(range);
        var block = new Block();
        foreach (var b in BlocksOf(range))
        {
            Build(b, block);
            foreach (var account in block.Accounts)
            {
                if (account.Overlaps(range))
                {
                    slice.Accounts.Add(account);
                }
            }
            foreach (var link in block.Links)
            {
                if (block.AccountOverlaps(link.AccountIndex, range))
                {
                    slice.Links.Add(link);
                }
            }
            foreach (var device in block.Devices)
            {
                if (range.Contains(device.Index))
                {
                    slice.Devices.Add(device);
                }
            }
            foreach (var exposure in block.Exposures)
            {
                if (range.Contains(exposure.DeviceIndex))
                {
                    slice.Exposures.Add(exposure);
                }
            }
        }
        return slice;
    }

    private static IEnumerable<long> BlocksOf(FleetRange range)
    {
        if (range.Count == 0)
        {
            yield break;
        }
        for (var b = range.Start / BlockSize; b <= (range.End - 1) / BlockSize; b++)
        {
            yield return b;
        }
    }

    private void Build(long blockNumber, Block block)
    {
        block.Clear();
        var rng = new SplitMix64(SplitMix64.Mix(Seed ^ SplitMix64.Mix((ulong)blockNumber)));
        var first = blockNumber * BlockSize;
        var local = 0;
        while (local < BlockSize)
        {
            var index = first + local;
            if (rng.Chance(UnownedShare))
            {
                var region = PickRegion(ref rng);
                block.Devices.Add(NewDevice(index, region.Code, owner: null, Now.AddSeconds(-rng.Next(86_400, 1500 * 86_400)), ref rng));
                local++;
                continue;
            }
            var size = Math.Min(PickHouseholdSize(ref rng), BlockSize - local);
            AddHousehold(index, size, block, ref rng);
            local += size;
        }
    }

    private void AddHousehold(long index, int size, Block block, ref SplitMix64 rng)
    {
        var region = PickRegion(ref rng);
        var ageSeconds = rng.Next(30 * 86_400, 1500 * 86_400);
        var account = new FleetAccount(
            index, region,
            FirstName: rng.Next(region.FirstNames.Count),
            LastName: rng.Next(region.LastNames.Count),
            Domain: rng.Next(FleetCatalog.EmailDomains.Count),
            Locked: rng.Chance(LockedShare),
            CreatedAt: Now.AddSeconds(-ageSeconds),
            DeviceCount: size);
        block.Accounts.Add(account);

        var firstLink = block.Links.Count;
        for (var ordinal = 0; ordinal < FleetCatalog.Integrations.Count; ordinal++)
        {
            if (rng.Chance(FleetCatalog.Integrations[ordinal].LinkShare))
            {
                var grant = rng.Chance(ReducedGrantShare) ? FleetCatalog.ReducedGrant : AccessActions.All;
                block.Links.Add(new FleetLink(index, ordinal, grant, Now.AddSeconds(-rng.Next(ageSeconds))));
            }
        }

        for (var k = 0; k < size; k++)
        {
            // Claimed some time after the account was opened, and before now.
            var claimedAt = account.CreatedAt.AddSeconds(rng.Next(ageSeconds));
            block.Devices.Add(NewDevice(index + k, region.Code, index, claimedAt, ref rng));
            for (var l = firstLink; l < block.Links.Count; l++)
            {
                if (rng.Chance(ExposureShare))
                {
                    var link = block.Links[l];
                    var exposedAt = link.LinkedAt > claimedAt ? link.LinkedAt : claimedAt;
                    block.Exposures.Add(new FleetExposure(index, link.IntegrationOrdinal, index + k, exposedAt));
                }
            }
        }
    }

    private static FleetDevice NewDevice(long index, string region, long? owner, DateTime createdAt, ref SplitMix64 rng)
    {
        var model = PickModel(ref rng);
        var firmware = PickFirmware(model, ref rng);
        return new FleetDevice(index, model, firmware, region, owner, createdAt);
    }

    private static FleetRegion PickRegion(ref SplitMix64 rng)
    {
        var roll = rng.Next(RegionWeightTotal);
        foreach (var region in FleetCatalog.Regions)
        {
            if ((roll -= region.Weight) < 0)
            {
                return region;
            }
        }
        return FleetCatalog.Regions[^1];
    }

    private static CameraModel PickModel(ref SplitMix64 rng)
    {
        var roll = rng.Next(ModelWeightTotal);
        foreach (var model in FleetCatalog.Models)
        {
            if ((roll -= model.Weight) < 0)
            {
                return model;
            }
        }
        return FleetCatalog.Models[^1];
    }

    private static string PickFirmware(CameraModel model, ref SplitMix64 rng)
    {
        var total = 0;
        foreach (var (_, weight) in model.Firmware)
        {
            total += weight;
        }
        var roll = rng.Next(total);
        foreach (var (version, weight) in model.Firmware)
        {
            if ((roll -= weight) < 0)
            {
                return version;
            }
        }
        return model.Firmware[^1].Version;
    }

    private static int PickHouseholdSize(ref SplitMix64 rng)
    {
        var roll = rng.Next(HouseholdWeightTotal);
        foreach (var (size, weight) in HouseholdSizes)
        {
            if ((roll -= weight) < 0)
            {
                return size;
            }
        }
        return HouseholdSizes[^1].Size;
    }

    /// <summary>One block's rows; reused from block to block.</summary>
    private sealed class Block
    {
        public List<FleetAccount> Accounts { get; } = new(BlockSize);
        public List<FleetDevice> Devices { get; } = new(BlockSize);
        public List<FleetLink> Links { get; } = new(BlockSize);
        public List<FleetExposure> Exposures { get; } = new(BlockSize * 2);

        public bool AccountOverlaps(long accountIndex, FleetRange range)
        {
            foreach (var account in Accounts)
            {
                if (account.Index == accountIndex)
                {
                    return account.Overlaps(range);
                }
            }
            return false;
        }

        public void Clear()
        {
            Accounts.Clear();
            Devices.Clear();
            Links.Clear();
            Exposures.Clear();
        }
    }
}
