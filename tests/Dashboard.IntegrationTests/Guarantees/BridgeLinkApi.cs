using System.Net;
using System.Net.Http.Json;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>A bridge reporting link events (its own bridge key's client of one instance).</summary>
public static class BridgeLinkApi
{
    /// <summary>Links the account (or keeps it linked) and sets its exposures to exactly <paramref name="devices"/>; fails unless 201.</summary>
    public static async Task ReportLinkAsync(this HttpClient bridge, Guid account, params string[] devices)
    {
        using var response = await bridge.PostAsJsonAsync("/api/v1/links", new { account, devices });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The user unlinked on the bridge's side; fails unless 204.</summary>
    public static async Task ReportUnlinkAsync(this HttpClient bridge, Guid account)
    {
        using var response = await bridge.DeleteAsync($"/api/v1/links/{account}");
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }
}
