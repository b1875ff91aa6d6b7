using System.Net;
using Dashboard.IntegrationTests.Auth;

namespace Dashboard.IntegrationTests.ScaleOut;

/// <summary>
/// The proxy's fail-over, run for real: a browser signed in on one instance keeps its session when that instance
/// stops, because nginx passes its requests to the other one, which reads the same cookies (one key ring).
/// A pair of its own, since the test stops one of them.
/// </summary>
public sealed class NginxFailoverTests(ProxiedInstances fixture) : IClassFixture<ProxiedInstances>
{
    private const string Email = "admin@demo.test";

    [NginxFact]
    public async Task SignedInSession_ContinuesOnTheOtherInstance_WhenItsInstanceStops()
    {
        var (home, survivor) = (fixture.Instances.A, fixture.Instances.B);
        var browser = await fixture.NewBrowserOnAsync(home);
        using var client = browser.ClientFor(fixture.Proxy.BaseAddress);
        await SignInForm.SignInAsync(client, Email, "Demo-pass-1");
        var (before, servedBefore) = await GetStaffPageAsync(client);
        servedBefore.ShouldBe(home);
        var tokenFromHome = BrowserCookies.AntiforgeryToken(before);

        await home.DisposeAsync();   // SIGTERM: it stops listening, then exits

        var (after, servedAfter) = await GetStaffPageAsync(client);
        servedAfter.ShouldBe(survivor);
        after.ShouldContain("Staff API tokens");

        // A form rendered by the stopped instance, posted after fail-over, is accepted by the survivor.
        var (signOut, probe) = await NginxProxy.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = tokenFromHome,
                ["ReturnUrl"] = SignInForm.LoginPath,
            }),
        });
        using (signOut)
        {
            signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signOut.Content.ReadAsStringAsync());
        }
        fixture.InstanceOnPort((await fixture.Proxy.AnsweredByAsync(probe)).Port).ShouldBe(survivor);
        browser.HasSignInCookie(fixture.Proxy.BaseAddress).ShouldBeFalse();
    }

    /// <summary>A staff page through the proxy, checked to be signed in; and the instance that served it.</summary>
    private async Task<(string Html, Guarantees.AppInstance ServedBy)> GetStaffPageAsync(HttpClient client)
    {
        var (response, probe) = await NginxProxy.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/admin/tokens"));
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{response.Headers.Location}");
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain("data-testid=\"signed-in-user\"");
            html.ShouldContain(Email);
            return (html, fixture.InstanceOnPort((await fixture.Proxy.AnsweredByAsync(probe)).Port));
        }
    }
}
