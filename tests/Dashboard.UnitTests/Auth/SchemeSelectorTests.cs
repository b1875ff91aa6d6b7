using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.UnitTests.Auth;

public sealed class SchemeSelectorTests
{
    private readonly ManualClock _clock = new(DateTimeOffset.UnixEpoch);

    private HttpContext Request(string path, string? authorization = null)
    {
        var directory = BridgeKeys.Directory(_clock);
        directory.Replace([BridgeKeys.Credential("dev-bridge-alexa")], _clock.GetTimestamp());
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(directory).BuildServiceProvider(),
        };
        context.Request.Path = path;
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context;
    }

    [Fact]
    public void Select_WhenBearerIsAKnownBridgeKey_PicksBridgeKey()
    {
        SchemeSelector.Select(Request("/api/v1/access/check", "Bearer dev-bridge-alexa")).ShouldBe(AuthSchemes.BridgeKey);
    }

    [Fact]
    public void Select_WhenBearerIsAnythingElse_PicksStaffToken()
    {
        SchemeSelector.Select(Request("/api/v1/devices", "Bearer dev-support-token")).ShouldBe(AuthSchemes.StaffToken);
    }

    [Fact]
    public void Select_WhenApiCallHasNoBearer_PicksStaffTokenSoTheAnswerIsA401NotARedirect()
    {
        SchemeSelector.Select(Request("/api/v1/devices")).ShouldBe(AuthSchemes.StaffToken);
    }

    [Fact]
    public void Select_WhenApiCallHasAnotherAuthorizationScheme_PicksStaffToken()
    {
        SchemeSelector.Select(Request("/api/v1/devices", "Basic YWRtaW46cGFzcw==")).ShouldBe(AuthSchemes.StaffToken);
    }

    [Fact]
    public void Select_WhenPageRequestCarriesBasicAuthFromAProxy_KeepsTheSignInCookie()
    {
        SchemeSelector.Select(Request("/admin/tokens", "Basic YWRtaW46cGFzcw==")).ShouldBe(AuthSchemes.Cookie);
    }

    [Fact]
    public void Select_WhenPageRequestWithoutCredential_PicksTheSignInCookie()
    {
        SchemeSelector.Select(Request("/admin/tokens")).ShouldBe(AuthSchemes.Cookie);
    }
}
