using System.Net;
using System.Net.Http.Json;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>The kill switch API as the guarantee tests drive it (a VendorAdmin's client of one instance).</summary>
public static class KillSwitchApi
{
    /// <summary>Fires a switch on <paramref name="scope"/> (the contract's scope object); fails unless 201.</summary>
    public static async Task<FiredSwitch> FireKillSwitchAsync(this HttpClient admin, object scope)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/kill-switches", new
        {
            scope,
            reason = "Strangers' cameras on assistant hubs",
            incident = "INC-GUARANTEE",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FiredSwitch>())!;
    }

    public static async Task RequestLiftAsync(this HttpClient admin, Guid id)
    {
        using var response = await admin.PostAsJsonAsync($"/api/v1/kill-switches/{id}/lift", new { reason = "fix verified" });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Approves a pending lift (by another admin than the requester); fails unless 200.</summary>
    public static async Task<bool> ApproveLiftAsync(this HttpClient approver, Guid id)
    {
        using var response = await approver.PostAsync($"/api/v1/kill-switches/{id}/lift/approve", content: null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return true;
    }

    /// <summary>Clean-up after a failed test: lifts the switch if it can, whatever the answers.</summary>
    public static async Task LiftQuietlyAsync(HttpClient admin, HttpClient secondAdmin, Guid id)
    {
        (await admin.PostAsJsonAsync($"/api/v1/kill-switches/{id}/lift", new { reason = "test clean-up" })).Dispose();
        (await secondAdmin.PostAsync($"/api/v1/kill-switches/{id}/lift/approve", content: null)).Dispose();
    }
}

/// <summary>The parts of the fire response the guarantee tests read.</summary>
public sealed record FiredSwitch(Guid Id, long Revision, FiredPropagation Propagation);

public sealed record FiredPropagation(int Confirmed, int EnforcementPoints, int Expired, double ElapsedMs);
