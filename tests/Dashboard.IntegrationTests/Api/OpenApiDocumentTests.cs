using System.Text.Json.Nodes;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Api;

public sealed class OpenApiDocumentTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData("/api/v1/accounts", "get", "SearchAccounts", "staffToken")]
    [InlineData("/api/v1/devices", "get", "SearchDevices", "staffToken")]
    [InlineData("/api/v1/devices/{serial}", "get", "GetDevice", "staffToken")]
    [InlineData("/api/v1/kill-switches", "post", "FireKillSwitch", "staffToken")]
    [InlineData("/api/v1/access/check", "post", "CheckAccess", "bridgeKey")]
    [InlineData("/api/v1/links", "post", null, "bridgeKey")]
    public async Task Document_ListsTheEndpointWithItsNameAndCredential(string path, string method, string? operationId, string scheme)
    {
        var document = await DocumentAsync();

        var operation = document["paths"]?[path]?[method];
        operation.ShouldNotBeNull($"{method} {path} is not in the document");
        if (operationId is not null)
        {
            operation["operationId"].Text().ShouldBe(operationId);
        }
        operation["security"]!.AsArray().Select(s => s.Keys().Single()).ShouldBe([scheme]);
        operation["responses"].Keys().ShouldContain("401");
    }

    [Theory]
    [InlineData("staffToken", "Staff API tokens")]
    [InlineData("bridgeKey", "integration catalog")]
    public async Task Document_DescribesEachCredentialAsABearerScheme(string name, string mentioned)
    {
        var document = await DocumentAsync();

        var scheme = document["components"]?["securitySchemes"]?[name];
        scheme.ShouldNotBeNull();
        scheme["type"].Text().ShouldBe("http");
        scheme["scheme"].Text().ShouldBe("bearer");
        scheme["description"].Text().ShouldContain(mentioned);
    }

    [Fact]
    public async Task Document_NamesTheProductWhatItIsForAndItsLicence()
    {
        var document = await DocumentAsync();

        var info = document["info"].ShouldNotBeNull();
        info["title"].Text().ShouldBe("Fleet Dashboard API");
        info["description"].Text().ShouldContain("kill switches");
        info["description"].Text().ShouldContain("OAuth");
        info["license"]?["name"].Text().ShouldStartWith("Proprietary");
        document["servers"]?.AsArray().ShouldAllBe(s => !s!["url"]!.GetValue<string>().EndsWith('/'));
    }

    [Fact]
    public async Task Document_DescribesEveryTagItsOperationsUse()
    {
        var document = await DocumentAsync();

        var used = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value))
            .OfType<JsonObject>()
            .SelectMany(o => o["tags"]?.AsArray().Select(t => t!.GetValue<string>()) ?? [])
            .ToHashSet();
        var described = (document["tags"]?.AsArray() ?? [])
            .Where(t => !string.IsNullOrWhiteSpace(t?["description"]?.GetValue<string>()))
            .Select(t => t!["name"]!.GetValue<string>())
            .ToHashSet();
        used.ShouldNotBeEmpty();
        used.Except(described).ShouldBeEmpty("tags without a description");
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
