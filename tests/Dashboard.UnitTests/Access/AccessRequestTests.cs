using Dashboard.Core.Access;

namespace Dashboard.UnitTests.Access;

public sealed class AccessRequestTests
{
    [Fact]
    public void Constructor_CanonicalizesTheSerial() =>
        new AccessRequest(Given.Google, Given.Alice, "  demo-cam-0001\t", AccessActions.Stream).Serial.ShouldBe("DEMO-CAM-0001");

    [Fact]
    public void Constructor_WhenSerialIsNull_KeepsItNull() =>
        new AccessRequest(Given.Google, Given.Alice, null!, AccessActions.Stream).Serial.ShouldBeNull();

    [Fact]
    public void Equality_IgnoresHowTheSerialWasTyped() =>
        new AccessRequest(Given.Google, Given.Alice, "demo-cam-0001", AccessActions.Stream)
            .ShouldBe(new AccessRequest(Given.Google, Given.Alice, "DEMO-CAM-0001", AccessActions.Stream));
}
