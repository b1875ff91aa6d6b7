using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Hosting;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>
/// Every API endpoint, found in the app's own endpoint metadata and called with the credential it expects, under
/// malformed, wrongly typed, oversized and malicious input: never a 5xx, every 4xx a problem details document, and
/// not a row written.
/// </summary>
public sealed class HostileInputTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    /// <summary>Fixed, so a failure found once is found again on the next run.</summary>
    private const int Seed = 20261129;

    private const string StaffToken = "dev-admin-token";
    private const string BridgeKey = "dev-bridge-google-assistant";

    /// <summary>A real serial: reads under a valid route then meet hostile query strings, not just a 404.</summary>
    private const string DemoSerial = "DEMO-CAM-0001";

    [Fact]
    public void Enumeration_FindsTheStaffBridgeAndDecisionEndpoints()
    {
        var endpoints = HostileInputEndpoint.Enumerate(app.Services).Select(e => e.ToString()).ToList();

        endpoints.ShouldContain("POST /api/v1/access/check");
        endpoints.ShouldContain("POST /api/v1/links");
        endpoints.ShouldContain("DELETE /api/v1/links/{account}");
        endpoints.ShouldContain("POST /api/v1/kill-switches");
        endpoints.ShouldContain("POST /api/v1/devices/{serial}/claim");
        endpoints.ShouldContain("GET /api/v1/audit");
        endpoints.ShouldContain("POST /api/v1/accounts/{id}/erasure");
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(20, string.Join("\n", endpoints));
    }

    [Fact]
    public void Enumeration_FindsTheQueryParametersEachEndpointDeclares()
    {
        var endpoints = HostileInputEndpoint.Enumerate(app.Services);

        endpoints.Single(e => e.ToString() == "GET /api/v1/audit").QueryParameters
            .ShouldBe(["actor", "entity", "entityId", "from", "to", "page", "pageSize"], ignoreOrder: true);
        endpoints.Single(e => e.ToString() == "GET /api/v1/devices/{serial}/owner-at").QueryParameters.ShouldContain("at");
    }

    [Fact]
    public async Task EveryEndpoint_UnderHostileInput_AnswersProblemDetailsAndWritesNothing()
    {
        var endpoints = HostileInputEndpoint.Enumerate(app.Services);
        using var staff = app.CreateClient(StaffToken);
        using var bridge = app.CreateClient(BridgeKey);
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;

        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        foreach (var endpoint in endpoints)
        {
            var client = endpoint.IsBridge ? bridge : staff;
            foreach (var (path, body) in Requests(endpoint, random))
            {
                sent++;
                var failure = await SendAsync(client, endpoint.Method, path, body);
                if (failure is not null)
                {
                    failures.Add($"{endpoint} as {Shorten(path)} with {Shorten(body ?? "no body")}: {failure}");
                }
            }
        }
        var after = await HostileInputFingerprint.TakeAsync(app.ConnectionString);

        failures.ShouldBeEmpty($"{failures.Count} of {sent} requests:\n" + string.Join("\n", failures.Take(40)));
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ShouldBeEmpty("tables written by rejected requests");
        sent.ShouldBeGreaterThan(1_000);
    }

    /// <summary>
    /// A declared Content-Length over the limit. A streamed (chunked) body is stopped by the server's own limit, which
    /// the in-memory test server does not enforce; that path is covered on real Kestrel by
    /// <c>ApiPipelineTests.Post_WithAChunkedBodyOverTheLimit_Returns413Problem</c>.
    /// </summary>
    [Fact]
    public async Task EveryEndpointTakingABody_OverTheSizeLimit_Answers413ProblemDetails()
    {
        Encoding.UTF8.GetByteCount(HostileInputValues.OversizedBody).ShouldBeGreaterThan((int)ApiRequests.MaxBodyBytes);
        using var staff = app.CreateClient(StaffToken);
        using var bridge = app.CreateClient(BridgeKey);

        foreach (var endpoint in HostileInputEndpoint.Enumerate(app.Services).Where(e => e.TakesBody))
        {
            var path = endpoint.Path(_ => HostileInputValues.SqlFragment);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path)
            {
                Content = Json(HostileInputValues.OversizedBody),
            };
            using var response = await (endpoint.IsBridge ? bridge : staff).SendAsync(request);

            ((int)response.StatusCode).ShouldBe(413, endpoint.ToString());
            (await ProblemFailureAsync(response)).ShouldBeNull(endpoint.ToString());
        }
    }

    /// <summary>
    /// A body the endpoint would otherwise read, with one of its properties sent twice (at the top, or inside an
    /// object it holds): a 400 naming that property, whichever it is, and nothing written (docs/decisions/0025).
    /// </summary>
    [Fact]
    public async Task EveryEndpointTakingABody_WithARepeatedProperty_Answers400NamingItAndWritesNothing()
    {
        using var staff = app.CreateClient(StaffToken);
        using var bridge = app.CreateClient(BridgeKey);
        var endpoints = HostileInputEndpoint.Enumerate(app.Services).Where(e => e.BodyType is not null).ToList();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(10, string.Join("\n", endpoints));
        var failures = new List<string>();
        var sent = 0;

        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.Path(p => p is "serial" ? DemoSerial : Guid.NewGuid().ToString());
            foreach (var (field, body) in RepeatedPropertyBodies.For(endpoint.BodyType!))
            {
                sent++;
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path) { Content = Json(body) };
                using var response = await (endpoint.IsBridge ? bridge : staff).SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != 400 || !NamesField(text, field))
                {
                    failures.Add($"{endpoint} with {body}: {(int)response.StatusCode} {Shorten(text)}");
                }
            }
        }
        var after = await HostileInputFingerprint.TakeAsync(app.ConnectionString);

        failures.ShouldBeEmpty($"{failures.Count} of {sent} requests:\n" + string.Join("\n", failures));
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ShouldBeEmpty("tables written by rejected requests");
        sent.ShouldBeGreaterThan(endpoints.Count);
    }

    /// <summary>
    /// Every endpoint of the API group refuses a query parameter it does not declare, and a declared single-valued one
    /// given twice, with a 400 naming it, before reading anything (docs/decisions/0032). The bridges' decision
    /// endpoints (<c>/api/v1/access</c>) are mapped outside the group and read no query string.
    /// </summary>
    [Fact]
    public async Task EveryEndpoint_WithAnUnknownOrRepeatedQueryParameter_Answers400NamingIt()
    {
        using var staff = app.CreateClient(StaffToken);
        using var bridge = app.CreateClient(BridgeKey);
        var endpoints = HostileInputEndpoint.Enumerate(app.Services)
            .Where(e => !e.Template.StartsWith("/api/v1/access/", StringComparison.Ordinal))
            .ToList();
        var failures = new List<string>();

        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.Path(p => p is "serial" ? DemoSerial : Guid.NewGuid().ToString());
            // Paging is a number: twice, it fails to bind first (a 400 naming it too, with the binder's message).
            var declared = endpoint.QueryParameters.Except(["page", "pageSize"]).ToList();
            var cases = new List<(string Query, string Field, string Message)>
            {
                ($"{HostileInputValues.UnknownQueryParameter}=1", HostileInputValues.UnknownQueryParameter, "Unknown"),
            };
            cases.AddRange(declared.Select(n => ($"{n}=a&{n}=b", n, "")));
            foreach (var (query, field, message) in cases)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), $"{path}?{query}")
                {
                    Content = endpoint.TakesBody ? Json("{}") : null,
                };
                using var response = await (endpoint.IsBridge ? bridge : staff).SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                // A body that fails to bind ("{}" lacks required properties) is refused before any endpoint filter
                // runs, so there the 400 may name the body instead; a number given twice fails to bind and is named
                // with the binder's message.
                var named = NamesField(text, field, message);
                if ((int)response.StatusCode != 400 || (!named && !endpoint.TakesBody))
                {
                    failures.Add($"{endpoint} with ?{query}: {(int)response.StatusCode} {Shorten(text)}");
                }
            }
        }
        var after = await HostileInputFingerprint.TakeAsync(app.ConnectionString);

        failures.ShouldBeEmpty(string.Join("\n", failures));
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ShouldBeEmpty("tables written by rejected requests");
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(20);
    }

    private static bool NamesField(string problem, string field, string message = "more than once")
    {
        using var document = JsonDocument.Parse(problem);
        return document.RootElement.TryGetProperty("errors", out var errors)
            && errors.TryGetProperty(field, out var messages)
            && messages.EnumerateArray().Any(m => m.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    private IEnumerable<(string Path, string? Body)> Requests(HostileInputEndpoint endpoint, Random random)
    {
        string Pick(string[] values) => values[random.Next(values.Length)];
        var routeless = endpoint.RouteParameters.Count == 0;

        // Hostile route values: every value once in every parameter, the others picked at random.
        foreach (var parameter in endpoint.RouteParameters)
        {
            foreach (var value in HostileInputValues.Route)
            {
                yield return (endpoint.Path(p => p == parameter ? value : Pick(HostileInputValues.Route)), endpoint.TakesBody ? "{}" : null);
            }
        }

        // Hostile query strings, on a route that exists where one can (reads only: writes keep hostile routes).
        var basePath = endpoint.Path(_ => endpoint.Method == "GET" ? DemoSerial : Pick(HostileInputValues.Route));
        var body = endpoint.TakesBody ? "{}" : null;
        foreach (var name in endpoint.QueryParameters)
        {
            foreach (var value in HostileInputValues.Query)
            {
                yield return ($"{basePath}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}", body);
            }
        }
        // A parameter the endpoint does not declare, alone and beside declared ones (docs/decisions/0032).
        yield return ($"{basePath}?{HostileInputValues.UnknownQueryParameter}={Uri.EscapeDataString(Pick(HostileInputValues.Query))}", body);
        foreach (var name in endpoint.QueryParameters)
        {
            yield return ($"{basePath}?{Uri.EscapeDataString(name)}=1&{HostileInputValues.UnknownQueryParameter}=1", body);
            yield return ($"{basePath}?{Uri.EscapeDataString(name)}=1&{Uri.EscapeDataString(name)}=2", body);
        }
        for (var i = 0; i < 10; i++)
        {
            var query = string.Join("&", endpoint.QueryParameters.Select(n =>
                $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(Pick(HostileInputValues.Query))}"));
            yield return ($"{basePath}?{query}&{query}", body);
        }

        if (!endpoint.TakesBody)
        {
            yield break;
        }

        // Hostile bodies, under a hostile route unless the endpoint has none.
        string BodyPath() => routeless ? endpoint.Template : endpoint.Path(_ => Pick(HostileInputValues.Route));
        foreach (var raw in HostileInputValues.RawBodies)
        {
            yield return (BodyPath(), raw);
        }
        foreach (var field in HostileInputValues.Fields)
        {
            foreach (var value in HostileInputValues.JsonValues)
            {
                yield return (BodyPath(), $"{{\"{field}\":{value}}}");
            }
        }
        // The same property twice, at the top and inside an object: refused whatever the values.
        foreach (var field in HostileInputValues.Fields)
        {
            yield return (BodyPath(), $"{{\"{field}\":{Pick(HostileInputValues.JsonValues)},\"{field}\":{Pick(HostileInputValues.JsonValues)}}}");
            yield return (BodyPath(), $"{{\"scope\":{{\"{field}\":{Pick(HostileInputValues.JsonValues)},\"{field}\":{Pick(HostileInputValues.JsonValues)}}}}}");
        }
        for (var i = 0; i < 40; i++)
        {
            var fields = HostileInputValues.Fields.OrderBy(_ => random.Next()).Take(random.Next(2, 6));
            yield return (BodyPath(), "{" + string.Join(",", fields.Select(f => $"\"{f}\":{Pick(HostileInputValues.JsonValues)}")) + "}");
        }
    }

    /// <summary>Null when the answer is acceptable for hostile input; otherwise what is wrong with it.</summary>
    private static async Task<string?> SendAsync(HttpClient client, string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = Json(body);
        }
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}: {Shorten(await response.Content.ReadAsStringAsync())}";
        }
        if (status is >= 300 and < 400 or 401)
        {
            return $"{status}: the credential was not accepted or the API redirected";
        }
        return status >= 400 ? await ProblemFailureAsync(response) : null;
    }

    private static async Task<string?> ProblemFailureAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} with content type {response.Content.Headers.ContentType?.MediaType ?? "none"}";
        }
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return problem.RootElement.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) && n == status
                ? null
                : $"{status} whose problem details carry no matching status";
        }
        catch (JsonException e)
        {
            return $"{status} with an unreadable problem body: {e.Message}";
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static string Shorten(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) ? '·' : c).ToArray());
        return printable.Length <= 120 ? printable : $"{printable[..120]}... ({printable.Length} chars)";
    }
}
