using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Core.Access.Runtime;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Access;

/// <summary>
/// The app over its own database without the demo fixture: access tests arrange their own integrations, accounts and
/// devices (see <see cref="AccessWorld"/>). Settings under <c>Access</c> can be given per subclass.
/// </summary>
public class AccessAppFactory : DashboardAppFactory
{
    protected override bool SeedDemoData => false;

    /// <summary>Extra settings, e.g. <c>["Access:HeartbeatInterval"] = "00:00:00.250"</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string> AccessSettings => new Dictionary<string, string>();

    internal AccessWorld World => new(CreateDbContext, () => Service<BridgeKeyDirectory>().RefreshAsync());

    internal T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in AccessSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    internal HttpClient BridgeClient(TestIntegration integration)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", integration.BridgeKey);
        return client;
    }

    /// <summary>Waits until <c>/readyz</c> answers 200: change feed synchronized and lease held.</summary>
    internal async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var client = CreateClient();
        await Eventually.HoldsAsync(
            async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            timeout ?? TimeSpan.FromSeconds(20),
            "the app never became ready");
    }

    internal bool AnswersFromMemory => Service<LocalLease>().Holds;
}

/// <summary>The decision API's answers as tests read them.</summary>
internal sealed record CheckAnswer(string Decision, string Reason, long Revision, string DecisionId);

internal static class AccessApi
{
    public static async Task<CheckAnswer> CheckAsync(this HttpClient client, Guid account, string device, string action = "stream")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/access/check", new { account, device, action });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CheckAnswer>())!;
    }
}

/// <summary>Polling for a condition that a background process makes true, with a deadline that fails the test.</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            if (await condition())
            {
                return DateTime.UtcNow - started;
            }
            if (DateTime.UtcNow - started > timeout)
            {
                throw new Shouldly.ShouldAssertException($"{failure} (waited {timeout})");
            }
            await Task.Delay(10);
        }
    }
}
