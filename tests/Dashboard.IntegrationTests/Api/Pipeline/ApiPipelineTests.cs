using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.IntegrationTests.Api.Pipeline;

public sealed class ApiPipelineTests(PipelineHost host) : IClassFixture<PipelineHost>
{
    private const string Echo = "/api/v1/test/echo";

    [Theory]
    [InlineData("""{"reason": , "count": 1}""", "reason")]
    [InlineData("""{"reason": "x", "count": 1, "tags": ["a", 5]}""", "tags[1]")]
    [InlineData("""{"reason": "x", "count": "5"}""", "count")]
    [InlineData("""{"reason": "x", "count": 1.5}""", "count")]
    [InlineData("""{"reason": 7, "count": 1}""", "reason")]
    [InlineData("""{"reason": null, "count": 1}""", "reason")]
    [InlineData("""{"reason": "x", "count": 1, "status": 0}""", "status")]
    [InlineData("""{"reason": "x", "count": 1, "status": "Pending_Approval"}""", "status")]
    [InlineData("""{"reason": "x", "count": 1, "at": "yesterday"}""", "at")]
    public async Task Post_WithAnInvalidValue_Returns400NamingTheField(string body, string field)
    {
        using var client = host.CreateClient();

        var response = await client.PostAsync(Echo, Json(body));

        (await response.ValidationErrorsForAsync(field)).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("""{"reason": "x", "count": """)]
    [InlineData("""{"reason": "x""")]
    [InlineData("""{"reason""")]
    public async Task Post_WithTruncatedJson_Returns400NamingWhereItBroke(string body)
    {
        using var client = host.CreateClient();

        var problem = await (await client.PostAsync(Echo, Json(body))).ProblemAsync(400);

        problem["errors"].Keys().ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("not json at all")]
    public async Task Post_WhenTheBodyIsNotAnObject_Returns400NamingTheBody(string body)
    {
        using var client = host.CreateClient();

        (await (await client.PostAsync(Echo, Json(body))).ValidationErrorsForAsync("body")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_WithAnEmptyBody_Returns400NamingTheBody()
    {
        using var client = host.CreateClient();

        (await (await client.PostAsync(Echo, Json(""))).ValidationErrorsForAsync("body")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_WithMissingRequiredProperties_Returns400NamingEachOfThem()
    {
        using var client = host.CreateClient();

        var problem = await (await client.PostAsync(Echo, Json("""{"tags": []}"""))).ProblemAsync(400);

        problem["errors"].Keys().ShouldBe(["reason", "count"], ignoreOrder: true);
        problem["errors"]!["reason"]![0].Text().ShouldBe("Required.");
    }

    [Theory]
    [InlineData("""{"reason": "a\u0000b", "count": 1}""", "reason")]
    [InlineData("""{"reason": "ok", "count": 1, "tags": ["\u0000"]}""", "tags[0]")]
    public async Task Post_WithNulCharacterInAString_Returns400NamingTheField(string body, string field)
    {
        using var client = host.CreateClient();

        var messages = await (await client.PostAsync(Echo, Json(body))).ValidationErrorsForAsync(field);

        messages.ShouldHaveSingleItem().ShouldContain("U+0000");
    }

    [Fact]
    public async Task Post_WithAValidBody_EchoesItInTheWireFormat()
    {
        using var client = host.CreateClient();

        var echoed = await (await client.PostAsync(Echo, Json(
            """{"reason": "ok", "count": 3, "status": "pending_approval", "at": "2026-01-02T05:04:05+02:00"}""")))
            .JsonAsync();

        echoed["reason"].Text().ShouldBe("ok");
        echoed["status"].Text().ShouldBe("pending_approval");
        echoed["at"].Text().ShouldBe("2026-01-02T03:04:05Z");
    }

    [Fact]
    public async Task Get_WritesTimestampsAsUtcWithZAndEnumsInSnakeCase()
    {
        using var client = host.CreateClient();

        var output = await (await client.GetAsync("/api/v1/test/output")).JsonAsync();

        output.Keys().ShouldBe(["utcTime", "unspecifiedTime", "offsetTime", "status"]);
        output["utcTime"].Text().ShouldBe("2026-01-02T03:04:05Z");
        output["unspecifiedTime"].Text().ShouldBe("2026-01-02T03:04:05Z");
        output["offsetTime"].Text().ShouldBe("2026-01-02T03:04:05Z");
        output["status"].Text().ShouldBe("pending_approval");
    }

    [Fact]
    public async Task Post_WithABodyOverTheLimit_Returns413Problem()
    {
        using var client = host.CreateClient();
        var body = OversizedBody();

        var response = await client.PostAsync(Echo, Json(body));

        await response.ProblemAsync(413);
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Post_WithAChunkedBodyOverTheLimit_Returns413Problem()
    {
        using var client = host.CreateClient();
        var body = OversizedBody();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Echo) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        await response.ProblemAsync(413);
    }

    [Fact]
    public async Task Post_WithANonJsonContentType_Returns415Problem()
    {
        using var client = host.CreateClient();

        var response = await client.PostAsync(Echo, new StringContent("reason=x", Encoding.UTF8, "text/plain"));

        await response.ProblemAsync(415);
    }

    [Fact]
    public async Task Get_WhenTheEndpointFails_Returns500ProblemWithoutDetailsAndLogsIt()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/v1/test/fail");

        var body = await response.Content.ReadAsStringAsync();
        await response.ProblemAsync(500);
        body.ShouldNotContain(PipelineHost.FailureMessage);
        body.ShouldNotContain(nameof(InvalidOperationException));
        body.ShouldNotContain("   at ");
        SecurityHeadersTests.AssertSecurityHeaders(response);
        host.Logs.Entries.ShouldContain(e =>
            e.Level == LogLevel.Error && e.Exception != null && e.Exception.Message == PipelineHost.FailureMessage);
    }

    [Fact]
    public async Task Get_WhenTheDatabaseIsOutOfReach_Returns503ProblemWithRetryAfter()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/v1/test/database-down");

        var body = await response.Content.ReadAsStringAsync();
        var problem = await response.ProblemAsync(503);
        ((string?)problem["detail"]).ShouldBe(Dashboard.Core.Data.DatabaseUnavailable.Message);
        response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(Dashboard.Core.Data.DatabaseUnavailable.RetryAfterSeconds));
        body.ShouldNotContain("Npgsql");
        body.ShouldNotContain("   at ");
        SecurityHeadersTests.AssertSecurityHeaders(response);
        host.Logs.Entries.ShouldNotContain(e => e.Level >= LogLevel.Error && e.Message.Contains("/test/database-down"));
    }

    [Fact]
    public async Task PagePost_WhenTheDatabaseIsOutOfReach_Returns503PageSayingSo()
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/test/page-database-down");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.RetryAfter.ShouldNotBeNull();
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("The database is unavailable");
        html.ShouldContain(Dashboard.Core.Data.DatabaseUnavailable.Message);
        html.ShouldNotContain("Npgsql");
        html.ShouldNotContain("   at ");
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("n=abc", "n")]
    [InlineData("text=x", "n")]
    [InlineData("n=1&text=a%00b", "text")]
    public async Task Get_WithAnUnusableQueryParameter_Returns400NamingIt(string query, string field)
    {
        using var client = host.CreateClient();

        (await (await client.GetAsync($"/api/v1/test/number?{query}")).ValidationErrorsForAsync(field)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task UnknownApiPath_Returns404Problem()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/v1/test/nothing-here");

        await response.ProblemAsync(404);
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        using var client = host.CreateClient();

        var response = await client.DeleteAsync(Echo);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        await response.ProblemAsync(405);
    }

    private static string OversizedBody() =>
        "{\"reason\": \"" + new string('x', (int)ApiRequests.MaxBodyBytes) + "\", \"count\": 1}";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
