using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http;

namespace Dashboard.UnitTests.Auth;

public sealed class BearerTokenTests
{
    private static HttpRequest Request(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context.Request;
    }

    [Theory]
    [InlineData("Bearer dev-admin-token")]
    [InlineData("bearer dev-admin-token")]
    [InlineData("Bearer   dev-admin-token  ")]
    public void TryRead_WhenBearerHeader_ReturnsTheToken(string header)
    {
        BearerToken.TryRead(Request(header), out var token).ShouldBeTrue();
        token.ShouldBe("dev-admin-token");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Basic YWRtaW46cGFzcw==")]
    [InlineData("Bearerdev-admin-token")]
    public void TryRead_WhenNoBearerToken_ReturnsFalse(string? header)
    {
        BearerToken.TryRead(Request(header), out _).ShouldBeFalse();
    }

    [Fact]
    public void TryRead_WhenTokenIsLongerThanAnyIssued_ReturnsFalse()
    {
        BearerToken.TryRead(Request("Bearer " + new string('a', BearerToken.MaxLength + 1)), out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/api", true)]
    [InlineData("/api/v1/devices", true)]
    [InlineData("/API/v1/devices", true)]
    [InlineData("/apis", false)]
    [InlineData("/admin/tokens", false)]
    public void IsApi_MatchesTheApiSegmentOnly(string path, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        ApiPaths.IsApi(context.Request).ShouldBe(expected);
    }
}
