using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// The kill switch's promise, with two instances under continuous checks: from the moment the 201 has arrived, no
/// instance allows a matching request; what the switch does not cover keeps working; and from the moment the lift's
/// approval has arrived, every instance allows again. Uses the demo fixture, exactly as contract.md describes it.
/// </summary>
[Collection(GuaranteesCollection.Name)]
public sealed class KillSwitchGuaranteeTests(SharedClusterInstances shared, ITestOutputHelper output)
{
    private readonly TwoInstances _instances = shared.Instances;

    [Fact]
    public async Task AssistantStreamSwitch_FiredOnA_NoInstanceAllowsAMatchingCheckAfterThe201_ApprovalOnB_BothAllowAgain()
    {
        var alice = await _instances.AccountIdAsync("alice@demo.test");
        var bob = await _instances.AccountIdAsync("bob@demo.test");
        CheckProbe googleStream = new("google/alice/DEMO-CAM-0001/stream", "dev-bridge-google-assistant", alice, "DEMO-CAM-0001");
        CheckProbe alexaStream = new("alexa/alice/DEMO-CAM-0002/stream", "dev-bridge-alexa", alice, "DEMO-CAM-0002");
        CheckProbe alexaSnapshot = new("alexa/alice/DEMO-CAM-0002/snapshot", "dev-bridge-alexa", alice, "DEMO-CAM-0002", "snapshot");
        CheckProbe iftttStream = new("ifttt/bob/DEMO-CAM-0003/stream", "dev-bridge-ifttt", bob, "DEMO-CAM-0003");
        using var admin = _instances.A.CreateClient("dev-admin-token");
        using var secondAdmin = _instances.B.CreateClient("dev-admin2-token");
        await using var run = await GuaranteeRun.StartAsync(_instances.Both, [googleStream, alexaStream, alexaSnapshot, iftttStream]);

        FiredSwitch? fired = null;
        var approved = false;
        try
        {
            var firedAt = await run.ChangeAsync(async () => fired = await FireAsync(admin));
            await run.KeepCheckingAfterAsync(firedAt);

            using (var lift = await admin.PostAsJsonAsync($"/api/v1/kill-switches/{fired!.Id}/lift", new { reason = "fix verified" }))
            {
                lift.StatusCode.ShouldBe(HttpStatusCode.Accepted, await lift.Content.ReadAsStringAsync());
            }
            // A pending lift still denies: checks keep being judged until the approval is sent.
            await run.KeepCheckingAfterAsync(Moment.Now());
            var approving = Moment.Now();
            var approvedAt = await run.ChangeAsync(async () => approved = await ApproveAsync(secondAdmin, fired.Id));
            var samples = await run.StopAfterAsync(approvedAt);
            output.WriteLine($"fire: {fired.Propagation}");
            output.WriteLine(samples.Summarize(("201", firedAt), ("approve sent", approving), ("approve 200", approvedAt)));

            fired.Propagation.EnforcementPoints.ShouldBeGreaterThanOrEqualTo(2, "both instances are live enforcement points");
            (fired.Propagation.Confirmed + fired.Propagation.Expired).ShouldBe(fired.Propagation.EnforcementPoints);
            var matching = samples.Of(googleStream, alexaStream).ToList();
            var whileActive = matching.SentAfter(firedAt).ReceivedBefore(approving).ToList();
            whileActive.ShouldNeverAllow(run.Origin, "matching checks sent after the 201");
            whileActive.ShouldAllBeDenied("kill_switch", run.Origin);
            matching.SentAfter(approvedAt).ShouldAllBeAllowed(run.Origin);
            samples.Of(alexaSnapshot, iftttStream).SentAfter(run.WarmedUp).ShouldAllBeAllowed(run.Origin);
        }
        finally
        {
            if (fired is not null && !approved)
            {
                await LiftQuietlyAsync(admin, secondAdmin, fired.Id);   // other tests share this database
            }
        }
    }

    private static async Task<FiredSwitch> FireAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/kill-switches", new
        {
            scope = new { integrationKind = "assistant", actions = new[] { "stream" } },
            reason = "Strangers' cameras on assistant hubs",
            incident = "INC-GUARANTEE",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FiredSwitch>())!;
    }

    private static async Task<bool> ApproveAsync(HttpClient approver, Guid id)
    {
        using var response = await approver.PostAsync($"/api/v1/kill-switches/{id}/lift/approve", content: null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return true;
    }

    private static async Task LiftQuietlyAsync(HttpClient admin, HttpClient secondAdmin, Guid id)
    {
        (await admin.PostAsJsonAsync($"/api/v1/kill-switches/{id}/lift", new { reason = "test clean-up" })).Dispose();
        (await secondAdmin.PostAsync($"/api/v1/kill-switches/{id}/lift/approve", content: null)).Dispose();
    }
}

/// <summary>The parts of the fire response the guarantee tests read.</summary>
public sealed record FiredSwitch(Guid Id, long Revision, FiredPropagation Propagation);

public sealed record FiredPropagation(int Confirmed, int EnforcementPoints, int Expired, double ElapsedMs);
