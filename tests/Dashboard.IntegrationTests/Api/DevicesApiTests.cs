using System.Net;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Api;

public sealed class DevicesApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string SupportToken = "dev-support-token";
    private static readonly string[] DemoSerials = ["DEMO-CAM-0001", "DEMO-CAM-0002", "DEMO-CAM-0003", "DEMO-CAM-0004"];

    [Fact]
    public async Task Search_WithDemoCamQuery_ListsExactlyTheFourDemoDevices()
    {
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync("/api/v1/devices?query=DEMO-CAM")).JsonAsync();

        page.Keys().ShouldBe(["total", "items"]);
        page["total"]!.GetValue<long>().ShouldBe(4);
        page.Items().Select(d => d["serial"].Text()).ShouldBe(DemoSerials);
        page.Items()[0].Keys().ShouldBe(["serial", "mac", "model", "firmware", "region", "status", "owner"]);
    }

    [Fact]
    public async Task Search_DemoCam0001_IsOwnedByAlice()
    {
        using var client = app.CreateClient(SupportToken);
        var aliceId = await AccountIdAsync("alice@demo.test");

        var page = await (await client.GetAsync("/api/v1/devices?query=demo-cam-000")).JsonAsync();

        var first = page.Items().Single(d => d["serial"].Text() == "DEMO-CAM-0001");
        first["owner"].Keys().ShouldBe(["id", "email"]);
        first["owner"]!["email"].Text().ShouldBe("alice@demo.test");
        first["owner"]!["id"].Text().ShouldBe(aliceId.ToString());
        first["status"].Text().ShouldBe("active");
        first["model"].Text().ShouldBe("Mi Home Security Camera Basic 1080p");
        first["firmware"].Text().ShouldBe("3.5.1_00.66");
        first["region"].Text().ShouldBe("EU");
        page.Items().Single(d => d["serial"].Text() == "DEMO-CAM-0004")["owner"].ShouldBeNull();
    }

    [Fact]
    public async Task Search_ByMacPrefix_FindsTheDeviceWithOrWithoutSeparators()
    {
        using var client = app.CreateClient(SupportToken);
        string mac;
        await using (var db = app.CreateDbContext())
        {
            mac = await db.Devices.Where(d => d.Serial == "DEMO-CAM-0003").Select(d => d.Mac).SingleAsync();
        }
        var formatted = string.Join(':', mac.Chunk(2).Select(c => new string(c)));

        foreach (var query in new[] { formatted, formatted[..14].ToLowerInvariant(), mac.ToLowerInvariant(), mac[..9] })
        {
            var page = await (await client.GetAsync($"/api/v1/devices?query={Uri.EscapeDataString(query)}"))
                .JsonAsync();

            page.Items().Select(d => d["serial"].Text()).ShouldContain("DEMO-CAM-0003", query);
            page.Items().Single(d => d["serial"].Text() == "DEMO-CAM-0003")["mac"].Text().ShouldBe(formatted);
        }
    }

    [Theory]
    [InlineData("alice@demo")]
    [InlineData("ALICE@DEMO.TEST")]
    [InlineData("  Alice ")]
    public async Task Search_ByOwnerEmailPrefix_IsCaseInsensitive(string query)
    {
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync($"/api/v1/devices?query={Uri.EscapeDataString(query)}"))
            .JsonAsync();

        page.Items().Select(d => d["serial"].Text()).ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002"]);
    }

    [Fact]
    public async Task Search_ByOwnerId_ListsThatOwnersDevices()
    {
        using var client = app.CreateClient(SupportToken);
        var bobId = await AccountIdAsync("bob@demo.test");

        var page = await (await client.GetAsync($"/api/v1/devices?query={bobId}")).JsonAsync();

        page.Items().Select(d => d["serial"].Text()).ShouldBe(["DEMO-CAM-0003"]);
    }

    [Fact]
    public async Task Search_WithPageAndPageSize_ReturnsThatSliceAndTheFullTotal()
    {
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync("/api/v1/devices?query=DEMO-CAM&page=2&pageSize=3"))
            .JsonAsync();

        page["total"]!.GetValue<long>().ShouldBe(4);
        page.Items().Select(d => d["serial"].Text()).ShouldBe(["DEMO-CAM-0004"]);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=99999999999", "pageSize")]
    public async Task Search_WithPagingOutOfRange_Returns400NamingTheField(string parameters, string field)
    {
        using var client = app.CreateClient(SupportToken);

        var response = await client.GetAsync($"/api/v1/devices?{parameters}");

        (await response.ValidationErrorsForAsync(field)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Search_WithNulCharacterInQuery_Returns400NamingTheQuery()
    {
        using var client = app.CreateClient(SupportToken);

        var response = await client.GetAsync("/api/v1/devices?query=DEMO%00");

        (await response.ValidationErrorsForAsync("query")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Get_KnownSerialInAnyCase_ReturnsTheFullShape()
    {
        using var client = app.CreateClient("dev-admin-token");

        var device = await (await client.GetAsync("/api/v1/devices/demo-cam-0002")).JsonAsync();

        device.Keys().ShouldBe(
            ["serial", "mac", "model", "firmware", "region", "status", "owner", "ownershipVersion", "access"]);
        device["serial"].Text().ShouldBe("DEMO-CAM-0002");
        device["mac"].Text().ShouldMatch("^([0-9A-F]{2}:){5}[0-9A-F]{2}$");
        device["owner"]!["email"].Text().ShouldBe("alice@demo.test");
        device["ownershipVersion"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
        // alice links alexa and google-assistant: four actions each (what they answer: DeviceAccessApiTests).
        device["access"].ShouldNotBeNull().AsArray().Count.ShouldBe(8);
    }

    [Fact]
    public async Task Get_UnknownSerial_Returns404Problem()
    {
        using var client = app.CreateClient(SupportToken);

        var problem = await (await client.GetAsync("/api/v1/devices/NOPE-0000")).ProblemAsync(404);

        problem["detail"].Text().ShouldContain("NOPE-0000");
    }

    [Theory]
    [InlineData("/api/v1/devices")]
    [InlineData("/api/v1/devices/DEMO-CAM-0001")]
    public async Task Endpoints_WithoutToken_Return401Problem(string path)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        await response.ProblemAsync(401);
    }

    [Fact]
    public async Task Search_WithUnknownToken_Returns401Problem()
    {
        using var client = app.CreateClient("not-a-token");

        await (await client.GetAsync("/api/v1/devices")).ProblemAsync(401);
    }

    [Fact]
    public async Task Search_WithBridgeKey_Returns403Problem()
    {
        await app.LoadBridgeKeysAsync();
        using var client = app.CreateClient("dev-bridge-google-assistant");

        var response = await client.GetAsync("/api/v1/devices?query=DEMO-CAM");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await response.ProblemAsync(403);
    }

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }
}
