using System.Text.Json.Nodes;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Api;

public sealed class OpenApiDocumentTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData("/api/v1/accounts", "get", "SearchAccounts")]
    [InlineData("/api/v1/devices", "get", "SearchDevices")]
    [InlineData("/api/v1/devices/{serial}", "get", "GetDevice")]
    public async Task Document_ListsTheEndpointWithItsNameAndBearerSecurity(string path, string method, string operationId)
    {
        var document = await DocumentAsync();

        var operation = document["paths"]?[path]?[method];
        operation.ShouldNotBeNull($"{method} {path} is not in the document");
        operation["operationId"].Text().ShouldBe(operationId);
        operation["security"]!.AsArray().Select(s => s.Keys().Single()).ShouldContain("bearer");
        operation["responses"].Keys().ShouldContain("401");
    }

    [Fact]
    public async Task Document_DescribesTheBearerScheme()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]?["securitySchemes"]?["bearer"];
        scheme.ShouldNotBeNull();
        scheme["type"].Text().ShouldBe("http");
        scheme["scheme"].Text().ShouldBe("bearer");
    }

    [Fact]
    public async Task Document_NamesEveryApiOperation()
    {
        var document = await DocumentAsync();

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value)))
            .Where(o => o.Operation is JsonObject)
            .ToList();
        operations.ShouldNotBeEmpty();
        operations.ShouldAllBe(o => o.Path.StartsWith("/api/v1/"));
        operations.ShouldAllBe(o => o.Operation!["operationId"] != null);
    }

    [Fact]
    public async Task Document_DescribesTheWireTypes()
    {
        var document = await DocumentAsync();

        var device = document["components"]?["schemas"]?["DeviceResponse"]?["properties"];
        device.ShouldNotBeNull();
        device["serial"]!["type"].Text().ShouldBe("string");
        var status = document["components"]!["schemas"]!["DeviceStatus"]!;
        status["enum"]!.AsArray().Select(v => v.Text()).ShouldBe(["active", "decommissioned"]);
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = app.CreateClient();
        return await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
    }
}
