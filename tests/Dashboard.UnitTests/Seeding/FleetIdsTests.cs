using Dashboard.Core.Seeding;

namespace Dashboard.UnitTests.Seeding;

public sealed class FleetIdsTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(1_000_000L)]
    [InlineData((1L << 48) - 1)]
    public void DeviceIndex_OfADeviceId_GivesTheIndexBack(long index) =>
        FleetIds.DeviceIndex(FleetIds.Device(index)).ShouldBe(index);

    [Fact]
    public void DeviceIndex_OfOtherIds_IsNull()
    {
        FleetIds.DeviceIndex(FleetIds.Account(5)).ShouldBeNull();
        FleetIds.DeviceIndex(FleetIds.Link(5, 1)).ShouldBeNull();
        FleetIds.DeviceIndex(Guid.NewGuid()).ShouldBeNull();
        FleetIds.DeviceIndex(Guid.CreateVersion7()).ShouldBeNull();
    }

    [Fact]
    public void Ids_AreVersion8AndNeverCollideAcrossKinds()
    {
        FleetIds.Device(42).Version.ShouldBe(8);
        FleetIds.Device(42).Variant.ShouldBeInRange(8, 11);
        new[] { FleetIds.Device(42), FleetIds.Account(42), FleetIds.Link(42, 0) }.Distinct().Count().ShouldBe(3);
        FleetIds.Link(1, 0).ShouldNotBe(FleetIds.Link(0, FleetCatalog.MaxIntegrations - 1));
    }

    [Fact]
    public void DeviceIds_SortByIndexInByteOrder_AsPostgreSqlComparesUuids()
    {
        var ids = new long[] { 0, 1, 255, 256, 65_536, 1L << 40 }.Select(FleetIds.Device).ToList();

        var sorted = ids.OrderBy(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)), StringComparer.Ordinal).ToList();

        sorted.ShouldBe(ids);
        var (first, last) = FleetIds.DeviceRange;
        ids.ShouldAllBe(id => string.CompareOrdinal(Hex(first), Hex(id)) <= 0 && string.CompareOrdinal(Hex(id), Hex(last)) <= 0);
    }

    private static string Hex(Guid id) => Convert.ToHexString(id.ToByteArray(bigEndian: true));
}
