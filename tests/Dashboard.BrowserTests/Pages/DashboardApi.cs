using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.BrowserTests.Pages;

/// <summary>
/// The REST API beside the browser: what a bridge asks and what the staff API counts, so a journey can check that
/// the pages changed real decisions.
/// </summary>
public sealed class DashboardApi(Uri baseAddress) : IDisposable
{
    public const string AdminToken = "dev-admin-token";
    public const string Admin2Token = "dev-admin2-token";
    public const string GoogleBridgeKey = "dev-bridge-google-assistant";

    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<Guid> AccountIdAsync(string email)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/accounts?query={Uri.EscapeDataString(email)}", AdminToken);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("email").GetString() == email)
            .GetProperty("id").GetGuid();
    }

    /// <summary>The decision and reason a bridge gets, e.g. ("deny", "kill_switch").</summary>
    public async Task<(string Decision, string Reason)> CheckAsync(string bridgeKey, Guid account, string device, string action)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/access/check", bridgeKey, new { account, device, action });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("decision").GetString()!, body.GetProperty("reason").GetString()!);
    }

    public async Task<(long Accounts, long Devices, long Links)> PreviewAsync(object scope)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/kill-switches/preview", AdminToken, scope);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accounts").GetInt64(), body.GetProperty("devices").GetInt64(), body.GetProperty("links").GetInt64());
    }

    /// <summary>How many kill switches exist, whatever their status.</summary>
    public async Task<long> KillSwitchCountAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/kill-switches?pageSize=1", AdminToken);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("total").GetInt64();
    }

    /// <summary>The scope of switch <paramref name="id"/>, which still denies, as the API lists it.</summary>
    public async Task<JsonElement> ActiveScopeAsync(Guid id)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/kill-switches?active=true&pageSize=500", AdminToken);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == id)
            .GetProperty("scope").Clone();
    }

    /// <summary>
    /// Lifts every switch that still denies (requested by one admin, approved by the other), so a journey that fails
    /// half-way does not leave the shared app denying for the tests after it.
    /// </summary>
    public async Task LiftEverythingAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/kill-switches?active=true&pageSize=500", AdminToken);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetGuid();
            if (item.GetProperty("status").GetString() == "active")
            {
                (await SendAsync(HttpMethod.Post, $"/api/v1/kill-switches/{id}/lift", AdminToken, new { reason = "test clean-up" })).Dispose();
            }
            using var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kill-switches/{id}/lift/approve");
            approve.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Admin2Token);
            // A 403 here means admin2 requested it; approve with the other admin then.
            using var answer = await http.SendAsync(approve);
            if (answer.StatusCode == System.Net.HttpStatusCode.Forbidden)
            {
                (await SendAsync(HttpMethod.Post, $"/api/v1/kill-switches/{id}/lift/approve", AdminToken)).Dispose();
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }
        return response;
    }

    public void Dispose() => http.Dispose();
}
