using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Auth;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Links;

/// <summary>The app without the demo fixture, with a wall clock the tests move forward and key reloads on demand.</summary>
public sealed class CatalogAppFactory : DashboardAppFactory
{
    public ShiftableClock Clock { get; } = new();

    protected override bool SeedDemoData => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:BridgeKeyRefreshInterval", "01:00:00");
        builder.UseSetting("Auth:BridgeKeyMaxStaleness", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The integration catalog service: add, edit, stop new links, issue and rotate bridge keys with an overlap.</summary>
public sealed class IntegrationCatalogTests(CatalogAppFactory app) : IClassFixture<CatalogAppFactory>, IAsyncLifetime
{
    private const string Actor = "admin-user";
    private readonly AccessWorld _world = app.World();

    private IntegrationCatalog Catalog => app.Services.GetRequiredService<IntegrationCatalog>();

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await ReloadKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Add_ThenIssueKey_TheBridgeCanCallAndOnlyTheHashIsStored()
    {
        var key = NewKey();
        var id = await Catalog.AddAsync(new IntegrationDraft(key, " Test Service ", IntegrationKind.Automation, AccessActions.Stream | AccessActions.Events), Actor);

        var issued = (await Catalog.IssueKeyAsync(id, Actor)).ShouldNotBeNull();
        await ReloadKeysAsync();

        (await StatusWithKeyAsync(issued.Secret)).ShouldBe(HttpStatusCode.OK);
        var listed = (await Catalog.ListAsync()).Single(i => i.Id == id);
        (listed.Name, listed.Kind, listed.Actions, listed.AcceptsNewLinks).ShouldBe(("Test Service", IntegrationKind.Automation, AccessActions.Stream | AccessActions.Events, true));
        listed.Keys.Single().Prefix.ShouldBe(SecretHash.DisplayPrefix(issued.Secret));
        await using var db = app.CreateDbContext();
        (await db.BridgeKeys.SingleAsync(k => k.Id == issued.Id)).KeyHash.ShouldBe(SecretHash.Sha256(issued.Secret));
        (await AuditActionsAsync(id)).ShouldBe(["integration.created", "bridge_key.issued"]);
    }

    [Theory]
    [InlineData("Google", "key")]
    [InlineData("two--hyphens", "key")]
    [InlineData("", "key")]
    public async Task Add_WithABadKey_IsRefusedNamingTheKey(string key, string field)
    {
        var refused = await Should.ThrowAsync<IntegrationCatalogException>(
            () => Catalog.AddAsync(new IntegrationDraft(key, "Name", IntegrationKind.Assistant, AccessActions.All), Actor));

        refused.Field.ShouldBe(field);
    }

    [Fact]
    public async Task Add_ATakenKeyOrNoActionsOrNoName_IsRefusedAndWritesNothing()
    {
        var key = NewKey();
        await Catalog.AddAsync(new IntegrationDraft(key, "First", IntegrationKind.Assistant, AccessActions.All), Actor);

        (await Should.ThrowAsync<IntegrationCatalogException>(
            () => Catalog.AddAsync(new IntegrationDraft(key, "Second", IntegrationKind.Assistant, AccessActions.All), Actor))).Field.ShouldBe("key");
        (await Should.ThrowAsync<IntegrationCatalogException>(
            () => Catalog.AddAsync(new IntegrationDraft(NewKey(), "Third", IntegrationKind.Assistant, AccessActions.None), Actor))).Field.ShouldBe("actions");
        (await Should.ThrowAsync<IntegrationCatalogException>(
            () => Catalog.AddAsync(new IntegrationDraft(NewKey(), "  ", IntegrationKind.Assistant, AccessActions.All), Actor))).Field.ShouldBe("name");

        await using var db = app.CreateDbContext();
        (await db.Integrations.CountAsync(i => i.Key == key)).ShouldBe(1);
    }

    [Fact]
    public async Task Rotate_WithoutOverlap_RefusesTheOldKeyAtOnce()
    {
        var integration = await _world.AddIntegrationAsync();
        var oldKeyId = await KeyIdAsync(integration.BridgeKey);

        var rotated = (await Catalog.RotateKeyAsync(integration.Id, oldKeyId, TimeSpan.Zero, Actor)).ShouldNotBeNull();
        await ReloadKeysAsync();

        (await StatusWithKeyAsync(integration.BridgeKey)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithKeyAsync(rotated.Secret)).ShouldBe(HttpStatusCode.OK);
        (await AuditActionsAsync(integration.Id)).ShouldBe(["bridge_key.rotated"]);
    }

    [Fact]
    public async Task Rotate_WithOverlap_KeepsTheOldKeyUntilTheWindowEnds()
    {
        var integration = await _world.AddIntegrationAsync();
        var oldKeyId = await KeyIdAsync(integration.BridgeKey);

        var rotated = (await Catalog.RotateKeyAsync(integration.Id, oldKeyId, TimeSpan.FromMinutes(10), Actor)).ShouldNotBeNull();
        await ReloadKeysAsync();
        var duringOverlap = await StatusWithKeyAsync(integration.BridgeKey);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var afterOverlap = await StatusWithKeyAsync(integration.BridgeKey);
        await ReloadKeysAsync();
        var afterReload = await StatusWithKeyAsync(integration.BridgeKey);

        duringOverlap.ShouldBe(HttpStatusCode.OK);
        afterOverlap.ShouldBe(HttpStatusCode.Unauthorized);   // expiry is checked per request, not only at reload
        afterReload.ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithKeyAsync(rotated.Secret)).ShouldBe(HttpStatusCode.OK);
        rotated.OldKeyExpiresAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Rotate_AnExpiredOrForeignKey_IsNotFound()
    {
        var integration = await _world.AddIntegrationAsync();
        var other = await _world.AddIntegrationAsync();
        var keyId = await KeyIdAsync(integration.BridgeKey);

        (await Catalog.RotateKeyAsync(other.Id, keyId, TimeSpan.Zero, Actor)).ShouldBeNull();
        (await Catalog.RotateKeyAsync(integration.Id, keyId, TimeSpan.Zero, Actor)).ShouldNotBeNull();
        (await Catalog.RotateKeyAsync(integration.Id, keyId, TimeSpan.Zero, Actor)).ShouldBeNull();   // already refused
    }

    [Fact]
    public async Task Update_Actions_ChangesDecisionsBeforeItReturns()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, integration);
        using var bridge = app.BridgeClient(integration);
        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("allowed");

        (await Catalog.UpdateAsync(integration.Id, new IntegrationDraft(null, "Renamed", IntegrationKind.Assistant, AccessActions.Snapshot), Actor)).ShouldBeTrue();

        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("action_not_granted");
        (await bridge.CheckAsync(account, camera, "snapshot")).Reason.ShouldBe("allowed");
        (await AuditActionsAsync(integration.Id)).ShouldBe(["integration.updated"]);
    }

    [Fact]
    public async Task Update_StopNewLinks_RefusesNewLinksKeepsExistingOnes()
    {
        var integration = await _world.AddIntegrationAsync();
        var linked = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(linked, integration);
        var newcomer = await _world.AddAccountAsync();
        using var bridge = app.BridgeClient(integration);

        await Catalog.UpdateAsync(integration.Id, new IntegrationDraft(null, integration.Key, IntegrationKind.Assistant, AccessActions.All, AcceptsNewLinks: false), Actor);

        (await bridge.ReportLinkAsync(newcomer)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await bridge.CheckAsync(linked, camera)).Reason.ShouldBe("allowed");
        (await Catalog.ListAsync()).Single(i => i.Id == integration.Id).AcceptsNewLinks.ShouldBeFalse();
    }

    [Fact]
    public async Task Update_OfAnUnknownIntegration_IsFalse()
    {
        (await Catalog.UpdateAsync(Guid.NewGuid(), new IntegrationDraft(null, "x", IntegrationKind.Assistant, AccessActions.All), Actor)).ShouldBeFalse();
    }

    private static string NewKey() => "cat-" + Guid.NewGuid().ToString("N")[..10];

    private Task ReloadKeysAsync() => app.Services.GetRequiredService<BridgeKeyDirectory>().RefreshAsync();

    private async Task<HttpStatusCode> StatusWithKeyAsync(string secret)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.PostAsJsonAsync("/api/v1/access/check",
            new { account = Guid.NewGuid(), device = "NOPE-0000", action = "stream" });
        return response.StatusCode;
    }

    private async Task<Guid> KeyIdAsync(string secret)
    {
        await using var db = app.CreateDbContext();
        var hash = SecretHash.Sha256(secret);
        return await db.BridgeKeys.Where(k => k.KeyHash == hash).Select(k => k.Id).SingleAsync();
    }

    private async Task<IReadOnlyList<string>> AuditActionsAsync(Guid integrationId)
    {
        await using var db = app.CreateDbContext();
        var id = integrationId.ToString();
        return await db.AuditEntries.Where(e => e.EntityType == "integration" && e.EntityId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }
}
