using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> against the endpoints the app really maps under <c>/api/</c> (found from its own
/// endpoint metadata, as the authorization matrix finds them): a new endpoint that is left out of the document, has no
/// operation id, or does not document what it can answer fails here.
/// </summary>
public sealed partial class OpenApiCompletenessTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    /// <summary>POST endpoints that take no body (the contract shows them without one).</summary>
    private static readonly HashSet<string> WithoutBody = new(StringComparer.Ordinal)
    {
        "post /api/v1/kill-switches/{id}/lift/approve",
    };

    [Fact]
    public async Task EveryApiEndpoint_IsInTheDocument_WithAnOperationIdAndWhatItCanAnswer()
    {
        var endpoints = ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThan(20, "the endpoint metadata was not found");
        var paths = (await DocumentAsync())["paths"].ShouldNotBeNull().AsObject();

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = $"{endpoint.Method} {endpoint.Path}";
            if (paths[endpoint.Path]?[endpoint.Method] is not JsonObject operation)
            {
                failures.Add($"{name}: not in the document");
                continue;
            }
            if (string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()))
            {
                failures.Add($"{name}: no operationId");
            }
            var documented = operation["responses"]?.AsObject().Select(r => r.Key).ToHashSet() ?? [];
            var missing = endpoint.Statuses.Where(s => !documented.Contains(s)).ToList();
            if (missing.Count > 0)
            {
                failures.Add($"{name}: responses {string.Join(", ", missing)} not documented (has {string.Join(", ", documented.Order())})");
            }
            failures.AddRange(BodyProblems(name, endpoint, operation));
        }

        failures.ShouldBeEmpty(string.Join('\n', failures));
    }

    /// <summary>
    /// Every query parameter an endpoint accepts (what the API group's unknown-parameter check lets through, from the
    /// handler and hand-read metadata) is in the document, so a client can know what it may send.
    /// </summary>
    [Fact]
    public async Task EveryAcceptedQueryParameter_IsInTheDocument()
    {
        using var _ = app.CreateClient();
        var paths = (await DocumentAsync())["paths"].ShouldNotBeNull().AsObject();
        var failures = new List<string>();
        var checkedParameters = 0;
        foreach (var route in MappedRoutes.Of(app.Services).Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal)))
        {
            if (route.Endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not { } handler)
            {
                continue;
            }
            var accepted = Dashboard.Web.Api.QueryParameterCheck.Declared(handler.GetParameters(), route.Endpoint).Keys;
            foreach (var method in route.Methods ?? [])
            {
                var operation = paths[DocumentPath(route.Endpoint.RoutePattern.RawText!)]?[method.ToLowerInvariant()];
                var documented = operation?["parameters"]?.AsArray()
                    .Where(p => p?["in"]?.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>())
                    .ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
                foreach (var name in accepted)
                {
                    checkedParameters++;
                    if (!documented.Contains(name))
                    {
                        failures.Add($"{method} {route.Pattern}: query parameter '{name}' not documented");
                    }
                }
            }
        }

        failures.ShouldBeEmpty(string.Join('\n', failures));
        checkedParameters.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task DeviceSearch_DescribesEveryFilter()
    {
        var operation = (await DocumentAsync())["paths"]!["/api/v1/devices"]!["get"]!;

        var parameters = operation["parameters"]!.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "query")
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["description"]?.GetValue<string>());

        parameters.Keys.ShouldBe(["query", "model", "firmware", "region", "status", "owned", "page", "pageSize", "exactCount"], ignoreOrder: true);
        parameters.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ShouldBeEmpty("parameters without a description");
    }

    [Fact]
    public async Task DeviceSearch_DescribesTheCappedTotal()
    {
        var document = await DocumentAsync();
        var schema = document["paths"]!["/api/v1/devices"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
        }

        var property = schema["properties"]?["totalIsLowerBound"];

        property.ShouldNotBeNull(schema.ToJsonString());
        property["description"].Text().ShouldContain("10,000");
    }

    [Fact]
    public async Task Document_HasNoOperationTheAppDoesNotMap()
    {
        var mapped = ApiEndpoints().Select(e => $"{e.Method} {e.Path}").ToHashSet(StringComparer.Ordinal);
        var paths = (await DocumentAsync())["paths"].ShouldNotBeNull().AsObject();

        var documented = paths
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Value is JsonObject).Select(o => $"{o.Key} {p.Key}"))
            .ToList();

        documented.Where(d => !mapped.Contains(d)).ShouldBeEmpty();
    }

    private static IEnumerable<string> BodyProblems(string name, ApiEndpoint endpoint, JsonObject operation)
    {
        var body = operation["requestBody"];
        if (endpoint.Method is "post" or "put" or "patch" && !WithoutBody.Contains(name) && body is null)
        {
            yield return $"{name}: takes a body, but the document describes none";
        }
        if (body is null)
        {
            yield break;
        }
        var json = body["content"]?["application/json"];
        if (json is null)
        {
            yield return $"{name}: request body is not described as application/json";
        }
        else if (json["schema"] is not JsonObject { Count: > 0 })
        {
            yield return $"{name}: request body has no schema";
        }
    }

    /// <summary>
    /// Every (method, path) under <c>/api/</c>, with the statuses it must document: 400 (every endpoint checks its
    /// input), 401 and 403 where it requires authorization, and every status its own metadata says it produces.
    /// </summary>
    private List<ApiEndpoint> ApiEndpoints()
    {
        using var _ = app.CreateClient();   // the endpoints are mapped once the host has started
        return MappedRoutes.Of(app.Services)
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && e.Methods is not null)
            .SelectMany(e => e.Methods!.Select(m => new ApiEndpoint(
                m.ToLowerInvariant(), DocumentPath(e.Endpoint.RoutePattern.RawText!), Statuses(e.Endpoint))))
            .ToList();
    }

    private static SortedSet<string> Statuses(RouteEndpoint endpoint)
    {
        var statuses = new SortedSet<string>(StringComparer.Ordinal);
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<IAuthorizeData>() is not null && metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            statuses.Add("401");
            statuses.Add("403");
        }
        // Every endpoint checks its input: a body, route and query values (any query value holding U+0000 is refused).
        statuses.Add("400");
        foreach (var produces in metadata.OfType<IProducesResponseTypeMetadata>())
        {
            statuses.Add(produces.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return statuses;
    }

    /// <summary><c>/api/v1/kill-switches/{id:guid}/lift</c> as the document writes it: <c>/api/v1/kill-switches/{id}/lift</c>.</summary>
    private static string DocumentPath(string pattern) =>
        "/" + RouteConstraint().Replace(pattern, "{${name}}").Trim('/');

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = app.CreateClient();
        return await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
    }

    private sealed record ApiEndpoint(string Method, string Path, SortedSet<string> Statuses);

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteConstraint();
}
