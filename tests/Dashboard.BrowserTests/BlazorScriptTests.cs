using System.Net;
using System.Text.RegularExpressions;
using Dashboard.BrowserTests.Infrastructure;

namespace Dashboard.BrowserTests;

/// <summary>blazor.web.js is extracted at build time and served by the app itself (no package carries it here).</summary>
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
    public async Task Page_ReferencesVersionedScriptThatMayBeCachedForGood()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/not-found");
        pageRequest.Headers.Accept.ParseAdd("text/html");
        var html = await (await http.SendAsync(pageRequest)).Content.ReadAsStringAsync();

        var src = ScriptSource().Match(html);
        src.Success.ShouldBeTrue($"no blazor.web.js script tag in:{Environment.NewLine}{html}");
        using var response = await http.GetAsync("/" + WebUtility.HtmlDecode(src.Groups["src"].Value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
    }

    [GeneratedRegex("""<script src="(?<src>_framework/blazor\.web\.js\?v=[0-9a-f]+)"></script>""")]
    private static partial Regex ScriptSource();
}
