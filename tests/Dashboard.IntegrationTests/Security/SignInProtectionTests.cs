using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Auth;
using Dashboard.IntegrationTests.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// The per-address sign-in limit (on top of lockout) and what a sign-in answer gives away about which emails
/// have logins. Each test signs in from addresses of its own, so the limit buckets never mix.
/// </summary>
public sealed partial class SignInProtectionTests(SignInProtectionAppFactory app) : IClassFixture<SignInProtectionAppFactory>
{
    private const int Limit = SignInProtectionAppFactory.PermitLimit;
    private const string WrongPassword = "Wrong-password-1";

    [Fact]
    public async Task PostsOverTheLimit_AreTurnedAwayBeforeAnyPasswordCheck()
    {
        var target = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var client = app.CreateClientFrom(SignInProtectionAppFactory.FreshAddress());
        for (var i = 0; i < Limit; i++)
        {
            var allowed = await SignInForm.PostAsync(client, $"nobody-{i}@example.test", WrongPassword);
            ErrorOf(await allowed.Content.ReadAsStringAsync()).ShouldBe("Invalid email or password.");
        }
        var hashesBefore = app.Hasher.Verifications;

        var rightPassword = await SignInForm.PostAsync(client, target.Email!, AuthTestData.Password);
        var wrongPassword = await SignInForm.PostAsync(client, target.Email!, WrongPassword);

        foreach (var refused in new[] { rightPassword, wrongPassword })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            refused.Headers.Location!.OriginalString.ShouldStartWith("/Account/Login?RetryAfter=");
            refused.Headers.RetryAfter.ShouldNotBeNull();
            HasSignInCookie(refused).ShouldBeFalse();
        }
        app.Hasher.Verifications.ShouldBe(hashesBefore, "a refused post must not reach the password check");
        (await AccessFailedCountAsync(target)).ShouldBe(0, "a refused post must not count towards the lockout");
        (await client.GetAsync("/admin/tokens")).Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task TurnedAwayPost_LandsOnTheSignInPage_WithAReadableMessageAndTheReturnUrl()
    {
        var client = app.CreateClientFrom(SignInProtectionAppFactory.FreshAddress());
        for (var i = 0; i < Limit; i++)
        {
            await SignInForm.PostAsync(client, $"nobody-{i}@example.test", WrongPassword, returnUrl: "/audit");
        }

        var refused = await SignInForm.PostAsync(client, "nobody@example.test", WrongPassword, returnUrl: "/audit");
        var page = await client.GetAsync(refused.Headers.Location);

        refused.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        refused.Headers.Location!.OriginalString.ShouldContain("ReturnUrl=%2Faudit");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "the page itself is never limited");
        var html = await page.Content.ReadAsStringAsync();
        ErrorOf(html).ShouldMatch(@"^Too many sign-in attempts from your network\. Wait \d+ seconds and try again\.$");
        html.ShouldContain("name=\"Input.Password\"");
    }

    [Fact]
    public async Task AnotherAddress_IsNotHeldBackByALimitedOne()
    {
        var user = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var noisy = app.CreateClientFrom(SignInProtectionAppFactory.FreshAddress());
        for (var i = 0; i <= Limit; i++)
        {
            await SignInForm.PostAsync(noisy, $"nobody-{i}@example.test", WrongPassword);
        }
        (await SignInForm.PostAsync(noisy, user.Email!, AuthTestData.Password)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);

        var other = await SignInForm.PostAsync(app.CreateClientFrom(SignInProtectionAppFactory.FreshAddress()), user.Email!, AuthTestData.Password);

        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        HasSignInCookie(other).ShouldBeTrue();
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswersAsAKnownLogin_UpToAndAfterLockout()
    {
        var known = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.test";
        var knownClient = app.CreateClientFrom(SignInProtectionAppFactory.FreshAddress());
        var unknownClient = app.CreateClientFrom(SignInProtectionAppFactory.FreshAddress());

        // Failures up to the threshold, then one more attempt (with the right password for the real login).
        for (var attempt = 1; attempt <= SignInProtectionAppFactory.MaxFailedSignIns + 1; attempt++)
        {
            var knownPassword = attempt > SignInProtectionAppFactory.MaxFailedSignIns ? AuthTestData.Password : WrongPassword;
            var hashes = app.Hasher.Verifications;
            var forKnown = await SignInForm.PostAsync(knownClient, known.Email!, knownPassword);
            var knownHashes = app.Hasher.Verifications - hashes;
            hashes = app.Hasher.Verifications;
            var forUnknown = await SignInForm.PostAsync(unknownClient, unknown, WrongPassword);
            var unknownHashes = app.Hasher.Verifications - hashes;

            forKnown.StatusCode.ShouldBe(HttpStatusCode.OK);
            forUnknown.StatusCode.ShouldBe(forKnown.StatusCode);
            var message = ErrorOf(await forKnown.Content.ReadAsStringAsync());
            ErrorOf(await forUnknown.Content.ReadAsStringAsync()).ShouldBe(message, $"attempt {attempt}");
            message.ShouldBe(attempt < SignInProtectionAppFactory.MaxFailedSignIns
                ? "Invalid email or password."
                : "This login is locked after too many failed sign-ins. Try again in 15 minutes.");
            // The same work: one password hash each, also when the login is already locked.
            knownHashes.ShouldBe(1, $"attempt {attempt}");
            unknownHashes.ShouldBe(1, $"attempt {attempt}");
        }
    }

    private async Task<int> AccessFailedCountAsync(DashboardUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        return await users.GetAccessFailedCountAsync((await users.FindByIdAsync(user.Id))!);
    }

    private static bool HasSignInCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

    /// <summary>The text of the sign-in page's error box.</summary>
    private static string ErrorOf(string html)
    {
        var match = LoginError().Match(html);
        match.Success.ShouldBeTrue("the page shows no sign-in error");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [GeneratedRegex("""data-testid="login-error"[^>]*>([^<]*)<""")]
    private static partial Regex LoginError();
}
