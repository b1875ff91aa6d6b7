using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.KillSwitches;

public sealed class KillSwitchScopesTests
{
    [Fact]
    public void Canonical_TrimsTextUpperCasesSerialsAndDropsDuplicates()
    {
        var account = Guid.NewGuid();
        var scope = new KillSwitchScope
        {
            IntegrationKind = "assistant",
            Actions = ["stream", "stream"],
            Models = [" M1 ", "M1"],
            Firmware = ["1.0 "],
            Regions = ["EU", " EU"],
            Accounts = [account, account],
            Devices = [" demo-cam-0001", "DEMO-CAM-0001"],
        };

        var canonical = KillSwitchScopes.Canonical(scope);

        canonical.IntegrationKind.ShouldBe("assistant");
        canonical.Actions.ShouldBe(["stream"]);
        canonical.Models.ShouldBe(["M1"]);
        canonical.Firmware.ShouldBe(["1.0"]);
        canonical.Regions.ShouldBe(["EU"]);
        canonical.Accounts.ShouldBe([account]);
        canonical.Devices.ShouldBe(["DEMO-CAM-0001"]);
    }

    [Fact]
    public void Canonical_KeepsAbsentNarrowingsAbsent()
    {
        var canonical = KillSwitchScopes.Canonical(new KillSwitchScope { Integration = "alexa" });

        canonical.ShouldBe(new KillSwitchScope { Integration = "alexa" });
    }
}
