using Dashboard.Web.Auth;

namespace Dashboard.UnitTests.Auth;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/tokens")]
    [InlineData("/devices?query=DEMO-CAM")]
    [InlineData("~/admin")]
    public void IsLocal_WhenPathOnThisSite_IsTrue(string url)
    {
        LocalUrl.IsLocal(url).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("~//evil.example")]
    [InlineData("/\r\nSet-Cookie: x=y")]
    public void IsLocal_WhenItLeavesTheSite_IsFalse(string? url)
    {
        LocalUrl.IsLocal(url).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/admin/tokens", "/admin/tokens")]
    [InlineData("~/admin", "/admin")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void OrHome_KeepsLocalPathsAndReplacesTheRest(string? returnUrl, string expected)
    {
        LocalUrl.OrHome(returnUrl).ShouldBe(expected);
    }
}
