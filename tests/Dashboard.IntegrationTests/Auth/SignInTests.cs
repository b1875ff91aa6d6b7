using System.Net;
using Dashboard.Core.Auth;

namespace Dashboard.IntegrationTests.Auth;

public sealed class SignInTests(AuthAppFactory app) : IClassFixture<AuthAppFactory>
{
    /// <summary>Where a redirect goes on this site (the page may answer with an absolute or a relative URL).</summary>
    private static string LocalTarget(HttpResponseMessage response)
    {
        var target = new Uri(new Uri("http://localhost"), response.Headers.Location.ShouldNotBeNull());
        target.Host.ShouldBe("localhost");
        return target.PathAndQuery;
    }

    private static bool HasSignInCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970"));

    [Fact]
    public async Task LoginPage_HasTheTemplateFields()
    {
        var html = await app.CreateBrowserLikeClient().GetStringAsync(SignInForm.LoginPath);

        html.ShouldContain("name=\"Input.Email\"");
        html.ShouldContain("name=\"Input.Password\"");
        html.ShouldContain("type=\"submit\"");
        SignInForm.HiddenValue(html, "__RequestVerificationToken").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SignIn_WhenPasswordIsRight_SetsTheCookieAndRedirectsHome()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.Support);

        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), user.Email!, AuthTestData.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocalTarget(response).ShouldBe("/");
        HasSignInCookie(response).ShouldBeTrue();
    }

    [Fact]
    public async Task SignIn_WhenEmailDiffersInCase_StillSignsIn()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.Support);

        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), user.Email!.ToUpperInvariant(), AuthTestData.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_WhenReturnUrlIsLocal_RedirectsThere()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);

        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), user.Email!, AuthTestData.Password, returnUrl: "/admin/tokens");

        LocalTarget(response).ShouldBe("/admin/tokens");
    }

    [Fact]
    public async Task SignIn_WhenReturnUrlPointsElsewhere_RedirectsHomeInstead()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);

        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), user.Email!, AuthTestData.Password, returnUrl: "https://evil.example/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocalTarget(response).ShouldBe("/");
    }

    [Fact]
    public async Task SignIn_WhenPasswordIsWrong_ShowsAnErrorAndSetsNoCookie()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.Support);

        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), user.Email!, "Wrong-password-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Invalid email or password.");
        HasSignInCookie(response).ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_WhenEmailIsUnknown_ShowsTheSameError()
    {
        var response = await SignInForm.PostAsync(app.CreateBrowserLikeClient(), "nobody@example.test", "Wrong-password-1");

        (await response.Content.ReadAsStringAsync()).ShouldContain("Invalid email or password.");
    }

    [Fact]
    public async Task SignIn_AfterTooManyFailures_IsLockedOutEvenWithTheRightPassword()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var client = app.CreateBrowserLikeClient();
        for (var i = 1; i < AuthAppFactory.MaxFailedSignIns; i++)
        {
            (await (await SignInForm.PostAsync(client, user.Email!, "Wrong-password-1")).Content.ReadAsStringAsync())
                .ShouldContain("Invalid email or password.");
        }

        var last = await SignInForm.PostAsync(client, user.Email!, "Wrong-password-1");
        var rightPassword = await SignInForm.PostAsync(client, user.Email!, AuthTestData.Password);

        (await last.Content.ReadAsStringAsync()).ShouldContain("locked");
        rightPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rightPassword.Content.ReadAsStringAsync()).ShouldContain("locked after too many failed sign-ins");
        HasSignInCookie(rightPassword).ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_WhenPostedWithoutAntiforgeryToken_IsRefused()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var client = app.CreateBrowserLikeClient();

        var response = await client.PostAsync(SignInForm.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = user.Email!, ["Input.Password"] = AuthTestData.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        HasSignInCookie(response).ShouldBeFalse();
    }

    [Fact]
    public async Task ProtectedPage_WhenAnonymous_RedirectsToLoginWithReturnUrl()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/admin/tokens");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login?ReturnUrl=%2Fadmin%2Ftokens");
    }

    [Fact]
    public async Task ProtectedPage_WhenSignedInWithoutTheRole_RedirectsToAccessDenied()
    {
        var support = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var client = app.CreateBrowserLikeClient();
        await SignInForm.SignInAsync(client, support.Email!, AuthTestData.Password);

        var response = await client.GetAsync("/admin/tokens");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await client.GetStringAsync("/Account/AccessDenied")).ShouldContain("does not give you access");
    }

    [Fact]
    public async Task TokenPage_WhenVendorAdmin_Renders()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var client = app.CreateBrowserLikeClient();
        await SignInForm.SignInAsync(client, admin.Email!, AuthTestData.Password);

        var response = await client.GetAsync("/admin/tokens");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Staff API tokens");
    }

    [Fact]
    public async Task Logout_WhenPostedWithAntiforgeryToken_SignsOut()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var client = app.CreateBrowserLikeClient();
        await SignInForm.SignInAsync(client, admin.Email!, AuthTestData.Password);
        var antiforgery = SignInForm.HiddenValue(await client.GetStringAsync("/Account/AccessDenied"), "__RequestVerificationToken");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["ReturnUrl"] = "/Account/Login",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocalTarget(response).ShouldBe("/Account/Login");
        (await client.GetAsync("/admin/tokens")).Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Logout_WhenPostedWithoutAntiforgeryToken_IsRefused()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var client = app.CreateBrowserLikeClient();
        await SignInForm.SignInAsync(client, admin.Email!, AuthTestData.Password);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReturnUrl"] = "/",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/admin/tokens")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
