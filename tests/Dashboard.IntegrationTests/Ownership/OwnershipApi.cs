using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Audit;
using Dashboard.Core.Devices;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>The ownership and account-lock API as the tests drive it, and what they check in the database.</summary>
internal static class OwnershipApi
{
    public const string SupportToken = "dev-support-token";
    public const string SupportEmail = "support@demo.test";

    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient client, string serial, object body) =>
        client.PostAsJsonAsync($"/api/v1/devices/{serial}/claim", body);

    public static Task<HttpResponseMessage> TransferAsync(this HttpClient client, string serial, object body) =>
        client.PostAsJsonAsync($"/api/v1/devices/{serial}/transfer", body);

    public static Task<HttpResponseMessage> ReleaseAsync(this HttpClient client, string serial, object body) =>
        client.PostAsJsonAsync($"/api/v1/devices/{serial}/release", body);

    public static async Task<JsonArray> HistoryAsync(this HttpClient client, string serial)
    {
        using var response = await client.GetAsync($"/api/v1/devices/{serial}/history");
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, body);
        return JsonNode.Parse(body)!.AsArray();
    }

    public static async Task<JsonObject> DeviceAsync(this HttpClient client, string serial)
    {
        using var response = await client.GetAsync($"/api/v1/devices/{serial}");
        return await response.JsonAsync();
    }

    /// <summary>The <c>access</c> rows as "integration action decision reason" lines, for readable assertions.</summary>
    public static IReadOnlyList<string> AccessLines(this JsonObject device) =>
        device["access"]!.AsArray()
            .Select(a => $"{a!["integration"].Text()} {a["action"].Text()} {a["decision"].Text()} {a["reason"].Text()}")
            .ToList();

    /// <summary>Arranges rows as the product's writers do, on this app's database.</summary>
    public static AccessWorld World(this DashboardAppFactory app) => new(app.CreateDbContext, app.LoadBridgeKeysAsync);

    public static async Task<int> LedgerCountAsync(DashboardAppFactory app, string serial)
    {
        await using var db = app.CreateDbContext();
        var canonical = Device.CanonicalSerial(serial);
        return await db.OwnershipEvents.CountAsync(e => db.Devices.Any(d => d.Id == e.DeviceId && d.Serial == canonical));
    }

    public static async Task<long> OwnershipVersionAsync(DashboardAppFactory app, string serial)
    {
        await using var db = app.CreateDbContext();
        return await db.Devices.Where(d => d.Serial == serial).Select(d => d.OwnershipVersion).SingleAsync();
    }

    public static async Task<int> ExposureCountAsync(DashboardAppFactory app, string serial)
    {
        await using var db = app.CreateDbContext();
        return await db.DeviceExposures.CountAsync(e => db.Devices.Any(d => d.Id == e.DeviceId && d.Serial == serial));
    }

    /// <summary>The audit actions recorded about one entity, in order.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(DashboardAppFactory app, string entityType, string entityId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Id)
            .ToListAsync();
    }

    public static async Task<AuditVerification> VerifyAuditAsync(DashboardAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await AuditVerifier.VerifyAsync(db);
    }
}
