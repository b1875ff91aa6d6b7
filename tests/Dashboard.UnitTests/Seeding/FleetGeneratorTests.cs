using System.Text.RegularExpressions;
using Dashboard.Core.Seeding;

namespace Dashboard.UnitTests.Seeding;

public sealed partial class FleetGeneratorTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly FleetRange TenThousand = FleetRange.Create(0, 10_000);

    [Fact]
    public void Generate_WhenRunTwice_ProducesTheSameRows()
    {
        var first = new FleetGenerator(Now).Generate(TenThousand);
        var second = new FleetGenerator(Now).Generate(TenThousand);

        second.Devices.ShouldBe(first.Devices);
        second.Accounts.ShouldBe(first.Accounts);
        second.Links.ShouldBe(first.Links);
        second.Exposures.ShouldBe(first.Exposures);
    }

    [Fact]
    public void Generate_WhenRunAtAnotherTime_ProducesTheSameIdentities()
    {
        var earlier = new FleetGenerator(Now).Generate(TenThousand);
        var later = new FleetGenerator(Now.AddDays(3)).Generate(TenThousand);

        later.Devices.Select(d => (d.Id, d.Serial, d.Mac, d.Model, d.Firmware, d.Region, d.OwnerId))
            .ShouldBe(earlier.Devices.Select(d => (d.Id, d.Serial, d.Mac, d.Model, d.Firmware, d.Region, d.OwnerId)));
        later.Accounts.Select(a => (a.Id, a.Email)).ShouldBe(earlier.Accounts.Select(a => (a.Id, a.Email)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(5_000)]
    [InlineData(7_777)]
    public void Generate_WhenRangeIsSplit_PartsAddUpToTheWhole(int split)
    {
        var generator = new FleetGenerator(Now);
        var head = generator.Generate(FleetRange.Create(0, split));
        var tail = generator.Generate(FleetRange.Create(split, TenThousand.Count - split));
        var whole = generator.Generate(TenThousand);

        head.Devices.Concat(tail.Devices).ShouldBe(whole.Devices);
        head.Exposures.Concat(tail.Exposures).ShouldBe(whole.Exposures);
        // An account whose household straddles the split belongs to both parts.
        head.Accounts.Concat(tail.Accounts).Distinct().ShouldBe(whole.Accounts);
        head.Links.Concat(tail.Links).Distinct().ShouldBe(whole.Links);
    }

    [Fact]
    public void Devices_NeverUseTheSerialPrefixesReservedForTheFixtureAndUnknowns()
    {
        var serials = new FleetGenerator(Now).Generate(FleetRange.Create(0, 100_000)).Devices.Select(d => d.Serial).ToList();

        serials.ShouldNotContain(s => s.StartsWith("DEMO-", StringComparison.OrdinalIgnoreCase));
        serials.ShouldNotContain(s => s.StartsWith("NOPE-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Accounts_NeverUseDemoAddresses()
    {
        var emails = new FleetGenerator(Now).Generate(FleetRange.Create(0, 100_000)).Accounts.Select(a => a.Email).ToList();

        emails.ShouldNotContain(e => e.StartsWith("demo", StringComparison.OrdinalIgnoreCase));
        emails.ShouldNotContain(e => e.EndsWith("@demo.test", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Generate_KeysAreUniqueAndCanonical()
    {
        var generator = new FleetGenerator(Now);
        var slice = generator.Generate(FleetRange.Create(0, 100_000));
        var devices = slice.Devices;
        var accounts = slice.Accounts;

        devices.Select(d => d.Serial).Distinct().Count().ShouldBe(devices.Count);
        devices.Select(d => d.Mac).Distinct().Count().ShouldBe(devices.Count);
        devices.Select(d => d.Id).Distinct().Count().ShouldBe(devices.Count);
        accounts.Select(a => a.Email).Distinct().Count().ShouldBe(accounts.Count);
        devices.ShouldAllBe(d => d.Serial == d.Serial.Trim().ToUpperInvariant() && MacPattern().IsMatch(d.Mac));
        accounts.ShouldAllBe(a => a.Email == a.Email.Trim().ToLowerInvariant());
    }

    [Fact]
    public void Devices_BeyondTheFirstVendorPrefixBank_KeepUniqueMacs()
    {
        var generator = new FleetGenerator(Now);
        var aroundBank = FleetRange.Create((1L << 24) - 2_000, 4_000);
        var atZero = FleetRange.Create(0, 2_000);

        var macs = generator.Generate(aroundBank).Devices.Concat(generator.Generate(atZero).Devices).Select(d => d.Mac).ToList();

        macs.Distinct().Count().ShouldBe(macs.Count);
    }

    [Fact]
    public void Generate_LooksLikeARealFleet()
    {
        var slice = new FleetGenerator(Now).Generate(FleetRange.Create(0, 100_000));
        var (devices, accounts, links) = (slice.Devices, slice.Accounts, slice.Links);

        var unowned = devices.Count(d => d.OwnerId is null) / (double)devices.Count;
        unowned.ShouldBeInRange(0.05, 0.12);
        (devices.Count / (double)accounts.Count).ShouldBeInRange(2.0, 3.0);
        accounts.Count(a => a.Locked).ShouldBeGreaterThan(0);
        accounts.Count(a => a.Locked).ShouldBeLessThan(accounts.Count / 20);
        devices.Select(d => d.Model.Name).Distinct().Count().ShouldBe(FleetCatalog.Models.Count);
        devices.Select(d => d.Region).Distinct().Count().ShouldBe(FleetCatalog.Regions.Count);
        links.Select(l => l.IntegrationKey).Distinct().Count().ShouldBe(FleetCatalog.Integrations.Count);
        devices.ShouldAllBe(d => d.Model.Firmware.Any(f => f.Version == d.Firmware));
        // EU is the largest region, MEA the smallest.
        var byRegion = devices.GroupBy(d => d.Region).ToDictionary(g => g.Key, g => g.Count());
        byRegion["EU"].ShouldBeGreaterThan(byRegion["MEA"] * 3);
    }

    [Fact]
    public void Generate_IsConsistent_OwnersLinksAndExposuresBelongTogether()
    {
        var generator = new FleetGenerator(Now);
        var slice = generator.Generate(FleetRange.Create(0, 20_000));
        var devices = slice.Devices.ToDictionary(d => d.Id);
        var accounts = slice.Accounts.ToDictionary(a => a.Id);
        var links = slice.Links.ToDictionary(l => l.Id);
        var exposures = slice.Exposures;

        exposures.ShouldNotBeEmpty();
        devices.Values.Where(d => d.OwnerId is not null).ShouldAllBe(d => accounts.ContainsKey(d.OwnerId!.Value));
        devices.Values.Where(d => d.OwnerId is not null).ShouldAllBe(d => d.Region == accounts[d.OwnerId!.Value].Region.Code);
        links.Values.ShouldAllBe(l => accounts.ContainsKey(l.AccountId));
        foreach (var exposure in exposures)
        {
            var link = links[exposure.LinkId];
            devices[exposure.DeviceId].OwnerId.ShouldBe(link.AccountId);
        }
        links.Values.ShouldAllBe(l => l.LinkedAt <= Now && l.LinkedAt >= accounts[l.AccountId].CreatedAt);
        devices.Values.ShouldAllBe(d => d.CreatedAt <= Now);
    }

    [Fact]
    public void Range_WhenBeyondTheNumberableFleet_IsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FleetRange.Create(FleetCatalog.MaxDevices - 10, 11));
        Should.Throw<ArgumentOutOfRangeException>(() => FleetRange.Create(0, -1));
    }

    [GeneratedRegex("^[0-9A-F]{12}$")]
    private static partial Regex MacPattern();
}
