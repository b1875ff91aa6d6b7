using System.Net.Http.Json;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Links;

/// <summary>The link endpoints as the tests drive them.</summary>
internal static class LinkApi
{
    public const string Path = "/api/v1/links";

    public static Task<HttpResponseMessage> ReportLinkAsync(this HttpClient bridge, Guid account, params string[] devices) =>
        bridge.PostAsJsonAsync(Path, new { account, devices });

    public static Task<HttpResponseMessage> ReportUnlinkAsync(this HttpClient bridge, Guid account) =>
        bridge.DeleteAsync($"{Path}/{account}");

    public static Task<HttpResponseMessage> RevokeAsync(this HttpClient staff, Guid account, string integration, string? reason) =>
        staff.PostAsJsonAsync($"/api/v1/accounts/{account}/links/{integration}/revoke", new { reason });

    public static AccessWorld World(this DashboardAppFactory app) => new(app.CreateDbContext, app.LoadBridgeKeysAsync);

    public static HttpClient BridgeClient(this DashboardAppFactory app, TestIntegration integration) =>
        app.CreateClient(integration.BridgeKey);

    /// <summary>The audit actions and actors recorded about the links of one account, in order.</summary>
    public static async Task<IReadOnlyList<(string Action, string Actor, string? Reason)>> LinkAuditAsync(DashboardAppFactory app, Guid account)
    {
        await using var db = app.CreateDbContext();
        var links = await db.AccountLinks.Where(l => l.AccountId == account).Select(l => l.Id.ToString()).ToListAsync();
        var rows = await db.AuditEntries
            .Where(e => e.EntityType == "account_link" && links.Contains(e.EntityId))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.Actor, e.Reason })
            .ToListAsync();
        return rows.Select(r => (r.Action, r.Actor, r.Reason)).ToList();
    }
}
