using System.Text.Json.Nodes;

namespace Dashboard.IntegrationTests.Api;

/// <summary>Reads API responses as raw JSON, so tests see the wire format rather than a deserializer's view of it.</summary>
internal static class ApiResponses
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Asserts the status and returns the body as a JSON object.</summary>
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response, int status = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Asserts an RFC 9457 problem with this status and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var problem = await response.JsonAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemContentType);
        problem["status"]!.GetValue<int>().ShouldBe(status);
        problem["title"].ShouldNotBeNull();
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="field"/>; returns that field's messages.</summary>
    public static async Task<IReadOnlyList<string>> ValidationErrorsForAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(400);
        var errors = problem["errors"]?.AsObject();
        errors.ShouldNotBeNull(problem.ToJsonString());
        errors.Select(e => e.Key).ShouldContain(field, problem.ToJsonString());
        return errors[field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
    }

    public static IReadOnlyList<string> Keys(this JsonNode? node) =>
        node.ShouldNotBeNull().AsObject().Select(p => p.Key).ToList();

    public static string Text(this JsonNode? node) => node.ShouldNotBeNull().GetValue<string>();

    public static IReadOnlyList<JsonObject> Items(this JsonObject page) =>
        page["items"].ShouldNotBeNull().AsArray().Select(i => i!.AsObject()).ToList();
}
