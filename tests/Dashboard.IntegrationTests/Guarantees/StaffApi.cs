using System.Net;
using System.Net.Http.Json;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>The staff API's changing operations as the guarantee tests drive them (a support client of one instance).</summary>
public static class StaffApi
{
    public const string SupportToken = "dev-support-token";

    public static Task TransferAsync(this HttpClient support, string serial, Guid toAccount) =>
        PostOkAsync(support, $"/api/v1/devices/{serial}/transfer", new { toAccount, reason = "sold to a neighbour" });

    public static Task ReleaseAsync(this HttpClient support, string serial) =>
        PostOkAsync(support, $"/api/v1/devices/{serial}/release", new { reason = "returned to the shop" });

    public static Task LockAsync(this HttpClient support, Guid account) =>
        PostOkAsync(support, $"/api/v1/accounts/{account}/lock", new { reason = "account taken over" });

    public static Task UnlockAsync(this HttpClient support, Guid account) =>
        PostOkAsync(support, $"/api/v1/accounts/{account}/unlock", new { reason = "owner verified" });

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
    }
}
