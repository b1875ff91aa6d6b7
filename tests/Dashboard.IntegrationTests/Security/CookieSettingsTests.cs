using System.Net;
using Dashboard.Core.Auth;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// The sign-in and antiforgery cookies as a browser receives them: never readable by script, never sent on
/// cross-site subrequests, and in Production only ever sent over HTTPS (with HSTS telling the browser to stay there).
/// </summary>
public static class CookieSettings
{
    public const string SignInCookie = ".AspNetCore.Identity.Application";
    public const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";

    /// <summary>Signs a fresh user in through the form; returns the antiforgery and sign-in cookies as set.</summary>
    public static async Task<(SetCookieHeaderValue Antiforgery, SetCookieHeaderValue SignIn)> SignInAsync(
        DashboardAppFactory app, Uri baseAddress)
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.Support);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = baseAddress, AllowAutoRedirect = false, HandleCookies = true,
        });
        using var page = await client.GetAsync(SignInForm.LoginPath);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var antiforgery = Cookies(page).Single(c => c.Name.Value!.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal));

        using var signedIn = await SignInForm.PostAsync(client, user.Email!, AuthTestData.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = Cookies(signedIn).Single(c => c.Name == SignInCookie);
        return (antiforgery, signIn);
    }

    public static void ShouldBeHiddenFromScriptsAndOtherSites(SetCookieHeaderValue cookie)
    {
        cookie.HttpOnly.ShouldBeTrue($"{cookie.Name} is readable by script");
        cookie.SameSite.ShouldBeOneOf([Microsoft.Net.Http.Headers.SameSiteMode.Lax, Microsoft.Net.Http.Headers.SameSiteMode.Strict],
            $"{cookie.Name} is sent on cross-site requests");
        cookie.Path.ToString().ShouldBe("/");
    }

    private static IList<SetCookieHeaderValue> Cookies(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList(response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : []);
}

public sealed class DevelopmentCookieTests(CookieTestApp app) : IClassFixture<CookieTestApp>
{
    [Fact]
    public async Task InDevelopment_CookiesAreHttpOnlyAndSameSite_AndWorkOverPlainHttp()
    {
        var (antiforgery, signIn) = await CookieSettings.SignInAsync(app, new Uri("http://localhost"));

        CookieSettings.ShouldBeHiddenFromScriptsAndOtherSites(antiforgery);
        CookieSettings.ShouldBeHiddenFromScriptsAndOtherSites(signIn);
        // `dotnet run` serves plain http://localhost: a Secure cookie would never come back.
        signIn.Secure.ShouldBeFalse();
        antiforgery.Secure.ShouldBeFalse();
    }
}

public sealed class ProductionCookieTests(ProductionCookieTestApp app) : IClassFixture<ProductionCookieTestApp>
{
    [Fact]
    public async Task InProduction_CookiesAreSecureHttpOnlyAndSameSite_AndHstsIsSent()
    {
        var (antiforgery, signIn) = await CookieSettings.SignInAsync(app, new Uri("https://dashboard.example"));

        CookieSettings.ShouldBeHiddenFromScriptsAndOtherSites(antiforgery);
        CookieSettings.ShouldBeHiddenFromScriptsAndOtherSites(signIn);
        signIn.Secure.ShouldBeTrue("the sign-in cookie may travel over plain HTTP");
        antiforgery.Secure.ShouldBeTrue("the antiforgery cookie may travel over plain HTTP");

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example") });
        using var response = await client.GetAsync(SignInForm.LoginPath);
        response.Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue("no HSTS in Production");
        hsts!.Single().ShouldStartWith("max-age=");
    }
}

/// <summary>Development over an empty database (each test creates its user).</summary>
public sealed class CookieTestApp : DashboardAppFactory
{
    protected override bool SeedDemoData => false;
}

/// <summary>
/// Production reached over plain HTTP, with no proxy saying otherwise: the Secure cookies could never come back, so
/// pages answer a readable 400 (not the antiforgery system's 500), while probes and the API still answer.
/// </summary>
public sealed class PlainHttpProductionTests(ProductionCookieTestApp app) : IClassFixture<ProductionCookieTestApp>
{
    [Fact]
    public async Task OverPlainHttp_PagesAnswer400SayingHttps_ProbesAndApiStillAnswer()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://dashboard.example"), AllowAutoRedirect = false,
        });

        foreach (var page in new[] { SignInForm.LoginPath, "/", "/devices" })
        {
            using var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
            (await response.Content.ReadAsStringAsync()).ShouldContain("HTTPS only", Case.Sensitive, page);
            response.Headers.Contains("Set-Cookie").ShouldBeFalse(page);
        }
        using var post = await client.PostAsync(SignInForm.LoginPath, new FormUrlEncodedContent([]));
        post.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/devices")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

/// <summary>The app as it runs outside Development (no demo data: the production guard would refuse it).</summary>
public sealed class ProductionCookieTestApp : DashboardAppFactory
{
    protected override bool SeedDemoData => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>
/// Production behind a TLS-terminating proxy, configured as the README says (forwarded headers on): the app sees
/// HTTPS from X-Forwarded-Proto, so the sign-in page issues its Secure antiforgery cookie and HSTS.
/// </summary>
public sealed class BehindProxyCookieTests(BehindProxyCookieTestApp app) : IClassFixture<BehindProxyCookieTestApp>
{
    [Fact]
    public async Task BehindAProxy_WithForwardedHeaders_TheSignInPageWorksOverTheProxysHttps()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://dashboard.example") });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var page = await client.GetAsync(SignInForm.LoginPath);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = SetCookieHeaderValue.ParseList(page.Headers.GetValues("Set-Cookie").ToList());
        cookies.Single(c => c.Name.Value!.StartsWith(CookieSettings.AntiforgeryCookiePrefix, StringComparison.Ordinal)).Secure.ShouldBeTrue();
        page.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }
}

public sealed class BehindProxyCookieTestApp : DashboardAppFactory
{
    protected override bool SeedDemoData => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets.
        builder.UseSetting("ForwardedHeaders_Enabled", "true");
    }
}
