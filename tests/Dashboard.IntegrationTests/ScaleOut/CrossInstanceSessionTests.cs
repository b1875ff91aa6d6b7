using System.Net;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Guarantees;

namespace Dashboard.IntegrationTests.ScaleOut;

/// <summary>
/// Two real app processes over one database (the guarantee tests' pair): a browser signed in on A keeps its session
/// when the load balancer sends it to B, and the antiforgery tokens A issued are accepted by B. Both rest on the one
/// Data Protection key ring in PostgreSQL; nothing else is shared between the processes.
/// </summary>
[Collection(GuaranteesCollection.Name)]
public sealed class CrossInstanceSessionTests(SharedClusterInstances shared)
{
    private const string Password = "Demo-pass-1";

    [Fact]
    public async Task SignedInOnA_StaffPageOnB_RendersSignedIn_AndBAcceptsAFormTokenIssuedByA()
    {
        var instances = shared.Instances;
        var browser = new BrowserCookies();
        using var a = browser.ClientFor(instances.A.BaseAddress);
        using var b = browser.ClientFor(instances.B.BaseAddress);
        const string email = "admin@demo.test";

        await SignInForm.SignInAsync(a, email, Password);

        var onB = await BrowserCookies.GetSignedInPageAsync(b, "/admin/tokens", email);
        onB.ShouldContain("Staff API tokens");

        // A form post on B carrying a token A issued: the layout's sign-out form, rendered by A.
        var tokenFromA = BrowserCookies.AntiforgeryToken(await BrowserCookies.GetSignedInPageAsync(a, "/admin/tokens", email));

        // Control: B does check the token, so the acceptance below is not a form that skips validation.
        using (var forged = await BrowserCookies.SignOutAsync(b, Tampered(tokenFromA)))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        browser.HasSignInCookie(instances.A.BaseAddress).ShouldBeTrue("a refused sign-out must leave the session alone");

        using var signOut = await BrowserCookies.SignOutAsync(b, tokenFromA);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signOut.Content.ReadAsStringAsync());
        signOut.Headers.Location!.OriginalString.ShouldBe(SignInForm.LoginPath);
        browser.HasSignInCookie(instances.A.BaseAddress).ShouldBeFalse("B's sign-out clears the browser's cookie");

        // Signed out on B means signed out everywhere for this browser: A now sends it to the login page.
        using var afterOnA = await a.GetAsync("/admin/tokens");
        afterOnA.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterOnA.Headers.Location!.ToString().ShouldContain(SignInForm.LoginPath);
    }

    [Fact]
    public async Task SignInForm_ServedByA_IsAcceptedWhenPostedToB()
    {
        var instances = shared.Instances;
        var browser = new BrowserCookies();
        using var a = browser.ClientFor(instances.A.BaseAddress);
        using var b = browser.ClientFor(instances.B.BaseAddress);
        const string email = "support@demo.test";

        using var response = await SignInForm.PostAsync(formFrom: a, postTo: b, email, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        browser.HasSignInCookie(instances.B.BaseAddress).ShouldBeTrue();
        (await BrowserCookies.GetSignedInPageAsync(a, "/search", email)).ShouldContain(email);
    }

    /// <summary>The same token with one character changed: well-formed, but no key can have produced it.</summary>
    private static string Tampered(string token)
    {
        var middle = token.Length / 2;
        return token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
    }
}
