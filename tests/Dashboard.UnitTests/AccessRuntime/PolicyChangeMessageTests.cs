using Dashboard.Core.Access.Propagation;

namespace Dashboard.UnitTests.AccessRuntime;

public class PolicyChangeMessageTests
{
    [Fact]
    public void Serialize_ThenTryParse_GivesBackTheRevisionAndEverySubject()
    {
        var account = Guid.NewGuid();
        var integration = Guid.NewGuid();
        var change = PolicyChange.ForDevices("DEMO-CAM-0001")
            .And(PolicyChange.ForAccounts(account))
            .And(PolicyChange.ForIntegrations(integration))
            .And(PolicyChange.KillSwitchesChanged);

        var payload = PolicyChangeMessage.Serialize(42, change);

        PolicyChangeMessage.TryParse(payload, out var parsed).ShouldBeTrue();
        parsed.Revision.ShouldBe(42);
        parsed.Change.Devices.ShouldBe(["DEMO-CAM-0001"]);
        parsed.Change.Accounts.ShouldBe([account]);
        parsed.Change.Integrations.ShouldBe([integration]);
        parsed.Change.KillSwitches.ShouldBeTrue();
        parsed.Change.All.ShouldBeFalse();
    }

    [Fact]
    public void Serialize_WritesTheDocumentedShape()
    {
        var account = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var payload = PolicyChangeMessage.Serialize(7, PolicyChange.ForDevices("CAM-1").And(PolicyChange.ForAccounts(account)));

        payload.ShouldBe("""{"r":7,"devices":["CAM-1"],"accounts":["11111111-2222-3333-4444-555555555555"],"integrations":[],"killSwitches":false}""");
    }

    [Fact]
    public void Serialize_WhenTooLargeForANotification_FallsBackToEverything()
    {
        var serials = Enumerable.Range(0, 2_000).Select(i => $"CAM-{i:D8}");

        var payload = PolicyChangeMessage.Serialize(9, PolicyChange.ForDevices(serials));

        payload.Length.ShouldBeLessThan(PolicyChangeMessage.MaxPayloadBytes);
        PolicyChangeMessage.TryParse(payload, out var parsed).ShouldBeTrue();
        parsed.Revision.ShouldBe(9);
        parsed.Change.All.ShouldBeTrue();
    }

    [Fact]
    public void TryParse_CanonicalizesSerials()
    {
        PolicyChangeMessage.TryParse("""{"r":1,"devices":["  demo-cam-0001 "]}""", out var parsed).ShouldBeTrue();

        parsed.Change.Devices.ShouldBe(["DEMO-CAM-0001"]);
    }

    [Fact]
    public void TryParse_WithOnlyARevision_IsAChangeOfNothingNamed()
    {
        PolicyChangeMessage.TryParse("""{"r":3}""", out var parsed).ShouldBeTrue();

        parsed.Change.Devices.ShouldBeEmpty();
        parsed.Change.ChangesCatalog.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"devices":["CAM-1"]}""")]
    [InlineData("""{"r":"7"}""")]
    [InlineData("""{"r":7,"devices":"CAM-1"}""")]
    [InlineData("""{"r":7,"devices":[null]}""")]
    [InlineData("""{"r":7,"accounts":["not-a-uuid"]}""")]
    [InlineData("""{"r":7,"killSwitches":"yes"}""")]
    public void TryParse_OfAnythingElse_Fails(string? payload)
    {
        PolicyChangeMessage.TryParse(payload, out _).ShouldBeFalse();
    }

    [Fact]
    public void ChangesCatalog_IsTrueForKillSwitchesIntegrationsAndEverything()
    {
        PolicyChange.KillSwitchesChanged.ChangesCatalog.ShouldBeTrue();
        PolicyChange.ForIntegrations(Guid.NewGuid()).ChangesCatalog.ShouldBeTrue();
        PolicyChange.Everything.ChangesCatalog.ShouldBeTrue();
        PolicyChange.ForDevices("CAM-1").ChangesCatalog.ShouldBeFalse();
        PolicyChange.ForAccounts(Guid.NewGuid()).ChangesCatalog.ShouldBeFalse();
    }
}
