using Dashboard.Core.Devices;

namespace Dashboard.UnitTests.Api;

public sealed class DeviceSearchTermTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    public void Parse_WhenQueryIsBlank_ReturnsNullToListEverything(string? query)
    {
        DeviceSearchTerm.Parse(query).ShouldBeNull();
    }

    [Fact]
    public void Parse_TrimsAndPutsEachPartInItsColumnsCanonicalCase()
    {
        var term = DeviceSearchTerm.Parse("  Demo-Cam ")!;

        term.SerialPrefix.ShouldBe("DEMO-CAM");
        term.OwnerEmailPrefix.ShouldBe("demo-cam");
        term.MacPrefix.ShouldBeNull();
        term.OwnerId.ShouldBeNull();
    }

    [Theory]
    [InlineData("aa:bb:cc", "AABBCC")]
    [InlineData("AA-BB-CC-DD-EE-FF", "AABBCCDDEEFF")]
    [InlineData("aabb.ccdd", "AABBCCDD")]
    [InlineData("aa bb", "AABB")]
    [InlineData("0A1B2C3D4E5F", "0A1B2C3D4E5F")]
    [InlineData("dead", "DEAD")]
    public void Parse_WhenQueryCanStartAMac_GivesItsHexDigitsOnly(string query, string expected)
    {
        DeviceSearchTerm.Parse(query)!.MacPrefix.ShouldBe(expected);
    }

    [Theory]
    [InlineData("DEMO-CAM")]
    [InlineData("alice@demo.test")]
    [InlineData("gg:hh")]
    [InlineData("::")]
    [InlineData("AA:BB:CC:DD:EE:FF:00")]
    public void Parse_WhenQueryCannotStartAMac_HasNoMacPrefix(string query)
    {
        DeviceSearchTerm.Parse(query)!.MacPrefix.ShouldBeNull();
    }

    [Theory]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData(" 3F2504E0-4F89-41D3-9A0C-0305E82C3301 ")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    public void Parse_WhenQueryIsAUuid_GivesTheOwnerId(string query)
    {
        DeviceSearchTerm.Parse(query)!.OwnerId.ShouldBe(Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
    }

    [Fact]
    public void Parse_WhenQueryIsPartOfAUuid_HasNoOwnerId()
    {
        DeviceSearchTerm.Parse("3f2504e0-4f89")!.OwnerId.ShouldBeNull();
    }
}
