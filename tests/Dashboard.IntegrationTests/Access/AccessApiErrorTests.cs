using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dashboard.IntegrationTests.Access;

/// <summary>What the decision API answers to requests it cannot decide: every error a ProblemDetails.</summary>
public sealed class AccessApiErrorTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>, IAsyncLifetime
{
    private TestIntegration _bridge = null!;

    public async Task InitializeAsync()
    {
        await app.WaitUntilReadyAsync();
        _bridge = await app.World.AddIntegrationAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("""{"device":"CAM-1","action":"stream"}""", "account")]
    [InlineData("""{"account":"not-a-uuid","device":"CAM-1","action":"stream"}""", "account")]
    [InlineData("""{"account":"","device":"CAM-1","action":"stream"}""", "account")]
    [InlineData("""{"account":42,"device":"CAM-1","action":"stream"}""", "account")]
    [InlineData("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","action":"stream"}""", "device")]
    [InlineData("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","device":"   ","action":"stream"}""", "device")]
    [InlineData("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","device":"CAM\u0000","action":"stream"}""", "device")]
    [InlineData("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","device":"CAM-1"}""", "action")]
    [InlineData("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","device":"CAM-1","action":"fly"}""", "action")]
    [InlineData("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","device":"CAM-1","action":"Stream"}""", "action")]
    [InlineData("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","device":"CAM-1","action":["stream"]}""", "action")]
    [InlineData("""not json""", "body")]
    [InlineData("""null""", "body")]
    public async Task Check_WithMalformedBody_Answers400NamingTheField(string body, string field)
    {
        using var client = app.BridgeClient(_bridge);

        using var response = await client.PostAsync("/api/v1/access/check", Json(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Check_WithSeveralBadFields_NamesEachOfThem()
    {
        using var client = app.BridgeClient(_bridge);

        using var response = await client.PostAsync("/api/v1/access/check", Json("{}"));

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["account", "device", "action"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"account":"nope"}""")]
    public async Task VisibleDevices_WithoutAUuidAccount_Answers400(string body)
    {
        using var client = app.BridgeClient(_bridge);

        using var response = await client.PostAsync("/api/v1/access/visible-devices", Json(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("account", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Check_WithAWellFormedUnknownAccountOrDevice_AnswersDeny()
    {
        var alice = await app.World.AddAccountAsync();
        using var client = app.BridgeClient(_bridge);

        (await client.CheckAsync(Guid.NewGuid(), "NOPE-0000")).ShouldSatisfyAllConditions(
            a => a.Decision.ShouldBe("deny"), a => a.Reason.ShouldBe("unknown_account"));
        (await client.CheckAsync(alice, "NOPE-0000")).Reason.ShouldBe("unknown_device");
    }

    [Fact]
    public async Task Check_MatchesSerialsTrimmedAndCaseInsensitively()
    {
        var alice = await app.World.AddAccountAsync();
        var camera = await app.World.AddDeviceAsync(alice, _bridge);
        using var client = app.BridgeClient(_bridge);

        var answer = await client.CheckAsync(alice, "  " + camera.ToLowerInvariant() + " ");

        answer.Reason.ShouldBe("allowed");
        answer.DecisionId.Length.ShouldBe(26);
    }

    [Fact]
    public async Task Check_WithoutJsonContentType_Answers415()
    {
        using var client = app.BridgeClient(_bridge);

        using var response = await client.PostAsync(
            "/api/v1/access/check", new StringContent("""{"account":"x"}""", Encoding.UTF8, "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var text = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("dev-support-token")]
    public async Task Check_WithoutABridgeKey_IsRefused(string? token)
    {
        using var client = app.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.PostAsync("/api/v1/access/check", Json("""{"account":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","device":"CAM-1","action":"stream"}"""));

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Check_TakesTheIntegrationFromTheKeyNotTheBody()
    {
        var other = await app.World.AddIntegrationAsync();
        var alice = await app.World.AddAccountAsync();
        var camera = await app.World.AddDeviceAsync(alice, other);   // exposed to the other integration only
        using var client = app.BridgeClient(_bridge);

        using var response = await client.PostAsJsonAsync(
            "/api/v1/access/check", new { account = alice, device = camera, action = "stream", integration = other.Id });
        var answer = await response.Content.ReadFromJsonAsync<CheckAnswer>();

        answer!.Reason.ShouldBe("not_linked");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
