using System.Net;
using System.Text.RegularExpressions;
using Dashboard.BrowserTests.Infrastructure;

namespace Dashboard.BrowserTests;

/// <summary>blazor.web.js comes from the framework's static web assets (docs/decisions/0002): served, revalidated, fingerprinted.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class BlazorScriptTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Script_IsServedAsJavaScriptAndRevalidatedByETag()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };

        using var response = await http.GetAsync("/_framework/blazor.web.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        var body = await response.Content.ReadAsStringAsync();
        body.Length.ShouldBeGreaterThan(100_000);
        body.ShouldContain("Blazor");

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/_framework/blazor.web.js");
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await http.SendAsync(revalidate);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Page_ReferencesTheFingerprintedScript()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/not-found");
        pageRequest.Headers.Accept.ParseAdd("text/html");
        var html = await (await http.SendAsync(pageRequest)).Content.ReadAsStringAsync();

        var src = ScriptSource().Match(html);
        src.Success.ShouldBeTrue($"no blazor.web.js script tag in:{Environment.NewLine}{html}");
        using var response = await http.GetAsync("/" + WebUtility.HtmlDecode(src.Groups["src"].Value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        // Outside Development the framework marks fingerprinted assets immutable; in Development (these tests) it
        // revalidates every asset, so the fingerprint in the URL is what is checked here.
        (await response.Content.ReadAsStringAsync()).ShouldBe(await http.GetStringAsync("/_framework/blazor.web.js"));
    }

    [GeneratedRegex("""<script src="(?<src>_framework/blazor\.web\.[a-z0-9]+\.js)"></script>""")]
    private static partial Regex ScriptSource();
}
