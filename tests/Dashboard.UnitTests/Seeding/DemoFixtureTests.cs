using Dashboard.Core.Auth;
using Dashboard.Core.Devices;
using Dashboard.Core.Seeding;

namespace Dashboard.UnitTests.Seeding;

public sealed class DemoFixtureTests
{
    [Fact]
    public void Devices_HaveCanonicalKeysOutsideEveryGeneratedVendorPrefix()
    {
        var generatedOuis = FleetCatalog.Models.SelectMany(m => m.Ouis).Select(o => o.ToString("X6")).ToHashSet();

        foreach (var device in DemoFixture.Devices)
        {
            Device.CanonicalSerial(device.Serial).ShouldBe(device.Serial);
            Device.CanonicalMac(device.Mac).ShouldBe(device.Mac);
            device.Mac.Length.ShouldBe(12);
            generatedOuis.ShouldNotContain(device.Mac[..6]);
        }
        DemoFixture.Devices.Select(d => d.Mac).Distinct().Count().ShouldBe(DemoFixture.Devices.Count);
    }

    [Fact]
    public void Fixture_UsesTheWellKnownSecretsAndOnlyItsOwnPeople()
    {
        DemoFixture.Users.Select(u => u.Email).ShouldBe(WellKnownDemoSecrets.LoginEmails, ignoreOrder: true);
        DemoFixture.Users.Where(u => u.ApiToken is not null).ToDictionary(u => u.Email, u => u.ApiToken!)
            .ShouldBe(WellKnownDemoSecrets.StaffTokens, ignoreOrder: true);
        DemoFixture.Integrations.ToDictionary(i => i.Key, i => i.BridgeKey).ShouldBe(WellKnownDemoSecrets.BridgeKeys, ignoreOrder: true);
        var customers = DemoFixture.Customers.Select(c => c.Email).ToHashSet();
        DemoFixture.Devices.Where(d => d.OwnerEmail is not null).ShouldAllBe(d => customers.Contains(d.OwnerEmail!));
        DemoFixture.Links.ShouldAllBe(l => customers.Contains(l.OwnerEmail));
        DemoFixture.Integrations.Select(i => i.Key).ShouldBe(FleetCatalog.Integrations.Select(i => i.Key));
    }

    [Fact]
    public void Links_ExposeOnlyDevicesTheirOwnerOwns()
    {
        var owners = DemoFixture.Devices.ToDictionary(d => d.Serial, d => d.OwnerEmail);

        foreach (var link in DemoFixture.Links)
        {
            link.ExposedSerials.ShouldAllBe(serial => owners[serial] == link.OwnerEmail);
        }
    }
}
