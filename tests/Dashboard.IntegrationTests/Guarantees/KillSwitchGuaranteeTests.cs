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
        await using var run = await GuaranteeRun.StartAsync(_instances.Both, [googleStream, alexaStream, alexaSnapshot, iftttStream], clientsPerProbe: 2);

        FiredSwitch? fired = null;
        var approved = false;
        try
        {
            var firedAt = await run.ChangeAsync(async () => fired = await admin.FireKillSwitchAsync(new { integrationKind = "assistant", actions = new[] { "stream" } }));
            await run.KeepCheckingAfterAsync(firedAt, minimum: GuaranteeRun.MinimumCheckingAfter);
            await admin.RequestLiftAsync(fired!.Id);
            // A pending lift still denies: checks keep being judged until the approval is sent.
            await run.KeepCheckingAfterAsync(Moment.Now());
            var approving = Moment.Now();
            var approvedAt = await run.ChangeAsync(async () => approved = await secondAdmin.ApproveLiftAsync(fired.Id));
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
                await KillSwitchApi.LiftQuietlyAsync(admin, secondAdmin, fired.Id);   // other tests share this database
            }
        }
    }
}
