using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.KillSwitches;

/// <summary>The kill switch API as the tests drive it, with the demo fixture's staff tokens.</summary>
internal static class KillSwitchApi
{
    public const string Path = "/api/v1/kill-switches";
    public const string AdminToken = "dev-admin-token";
    public const string Admin2Token = "dev-admin2-token";
    public const string SupportToken = "dev-support-token";

    /// <summary>Fires a switch, asserts the 201 and returns its body.</summary>
    public static async Task<JsonObject> FireAsync(this HttpClient admin, object scope, string reason = "incident drill")
    {
        using var response = await admin.PostAsJsonAsync(Path, new { scope, reason });
        return await response.JsonAsync(201);
    }

    public static Task<HttpResponseMessage> RequestLiftAsync(this HttpClient admin, Guid id, string reason = "fixed upstream") =>
        admin.PostAsJsonAsync($"{Path}/{id}/lift", new { reason });

    public static Task<HttpResponseMessage> ApproveLiftAsync(this HttpClient admin, Guid id) =>
        admin.PostAsync($"{Path}/{id}/lift/approve", content: null);

    public static async Task<JsonObject> PreviewAsync(this HttpClient admin, object scope)
    {
        using var response = await admin.PostAsJsonAsync($"{Path}/preview", scope);
        return await response.JsonAsync();
    }

    /// <summary>The listed status of one switch, looked up in the first page of the full list.</summary>
    public static async Task<string?> ListedStatusAsync(this HttpClient admin, Guid id, bool activeOnly = false)
    {
        using var response = await admin.GetAsync($"{Path}?active={(activeOnly ? "true" : "false")}&page=1&pageSize=500");
        var page = await response.JsonAsync();
        return page.Items().FirstOrDefault(i => i["id"].Text() == id.ToString())?["status"].Text();
    }

    public static Guid Id(this JsonObject fired) => Guid.Parse(fired["id"].Text());

    public static (long Accounts, long Devices, long Links) Radius(this JsonNode? radius) =>
        (radius!["accounts"]!.GetValue<long>(), radius["devices"]!.GetValue<long>(), radius["links"]!.GetValue<long>());

    /// <summary>The audit actions recorded about one switch, in order.</summary>
    public static async Task<IReadOnlyList<string>> AuditActionsAsync(DashboardAppFactory app, Guid id)
    {
        await using var db = app.CreateDbContext();
        var entityId = id.ToString();
        return await db.AuditEntries
            .Where(e => e.EntityType == "kill_switch" && e.EntityId == entityId)
            .OrderBy(e => e.Id)
            .Select(e => e.Action)
            .ToListAsync();
    }
}
