using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Guarantees;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Faults;

/// <summary>When instance A is SIGKILLed during a kill-switch fire.</summary>
public enum KillMoment
{
    /// <summary>A is dead before the request is sent: the request finds nobody.</summary>
    BeforeRequest,

    /// <summary>The fire's transaction is open and waiting at its revision bump (a lock the test holds).</summary>
    InsideFireTransaction,

    /// <summary>Right after the request is sent, and 60 ms and 250 ms after: wherever the fire happens to be.</summary>
    JustAfterSending,
    ShortlyAfterSending,
    LaterAfterSending,

    /// <summary>The switch is committed and A waits for an enforcement point that never confirms (the test's).</summary>
    DuringPropagationWait,

    /// <summary>The 201 has arrived.</summary>
    AfterResponse,
}

/// <summary>
/// Issue 6's second fault: kill an instance mid-kill-switch, and the switch is either fully effective or not fired,
/// never half. Each drill fires a switch on an integration of its own through A and SIGKILLs A at one
/// <see cref="KillMoment"/>, then judges on the survivor B, once every session A left has ended (so nothing of A's can
/// still commit): either the switch exists (in the database and in B's list), its audit entry exists, and B denies
/// every covered (integration, device, action) with <c>kill_switch</c>; or there is no switch, no audit entry, and B
/// never stopped allowing. B keeps deciding throughout, and a fire on B right after A's death completes its proof
/// (A's lease lapses). A is then started again, and its first answers already apply the outcome.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class InstanceKilledMidFireTests(FireDrillInstances drill, ITestOutputHelper output) : IClassFixture<FireDrillInstances>
{
    private static readonly TimeSpan Lease = AccessOptions.MaxLeaseDuration;

    /// <summary>
    /// How long a fire on B may wait for the killed A: its lease (A renewed it at most a heartbeat before the kill),
    /// plus room for a loaded machine. The wait's hard limit is <see cref="AccessOptions.PropagationTimeout"/>.
    /// </summary>
    private static readonly TimeSpan SurvivorFireBound = Lease + TimeSpan.FromSeconds(3);

    private static readonly TimeSpan SessionsGoneTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(KillMoment.BeforeRequest)]
    [InlineData(KillMoment.InsideFireTransaction)]
    [InlineData(KillMoment.JustAfterSending)]
    [InlineData(KillMoment.ShortlyAfterSending)]
    [InlineData(KillMoment.LaterAfterSending)]
    [InlineData(KillMoment.DuringPropagationWait)]
    [InlineData(KillMoment.AfterResponse)]
    public async Task InstanceKilledMidFire_SwitchIsAllOrNothing_SurvivorKeepsDeciding_RestartedInstanceApplies(KillMoment moment)
    {
        var target = await FireTarget.ArrangeAsync(drill.World);
        var a = await drill.RunningAAsync();
        var (sessions, b) = (drill.ASessions, drill.B);
        var reason = $"Fault drill {moment} {Guid.NewGuid():N}";
        await using var onB = await GuaranteeRun.StartAsync([b], target.All);   // B allows everything before the fire

        var (answered, expected) = await FireAndKillAsync(moment, a, sessions, target, reason);
        var killed = Moment.Now();

        // The survivor's own fire waits for A's lease to lapse, then completes.
        using var bAdmin = b.CreateClient("dev-admin-token", TimeSpan.FromSeconds(60));
        var survivorFire = await bAdmin.FireKillSwitchAsync(new { integration = target.Spare.Key });
        var survivorFired = Moment.Now();
        (survivorFire.Propagation.Confirmed + survivorFire.Propagation.Expired).ShouldBe(survivorFire.Propagation.EnforcementPoints);
        survivorFire.Propagation.ElapsedMs.ShouldBeLessThan(SurvivorFireBound.TotalMilliseconds, "B's fire waited too long for the killed A");
        drill.RestartA();   // starts while the outcome is judged on B; checked at the end

        await drill.Cluster.WaitUntilSessionsGoneAsync(sessions, SessionsGoneTimeout);
        var outcome = await ReadOutcomeAsync(reason, bAdmin);
        var fired = outcome.Switches == 1;
        output.WriteLine($"{moment}: A answered {answered?.ToString() ?? "nothing"}; switch {(fired ? "fired" : "not fired")}; " +
            $"B's fire {survivorFire.Propagation} {Moment.Milliseconds(killed, survivorFired):0} ms after the kill");

        outcome.Switches.ShouldBeLessThanOrEqualTo(1);
        if (expected is { } mustFire)
        {
            fired.ShouldBe(mustFire, $"killed {moment}");
        }
        if (answered == HttpStatusCode.Created)
        {
            fired.ShouldBeTrue("A answered 201");
        }
        outcome.AuditEntries.ShouldBe(outcome.Switches, "one audit entry exactly when the switch exists");
        outcome.ListedOnB.ShouldBe(fired, "B's list of active switches agrees with the database");

        // Every live enforcement point (B; A's lease has lapsed) has applied the current revision: B's answers from
        // now on must reflect the outcome.
        var proven = await ProvePropagatedAsync();
        var samples = await onB.StopAfterAsync(proven);
        output.WriteLine(samples.Summarize(("kill", killed), ("B fired", survivorFired), ("propagated", proven)));
        var covered = samples.Of(target.Covered);
        if (fired)
        {
            covered.SentAfter(proven).ShouldAllBeDenied("kill_switch", onB.Origin);
        }
        else
        {
            covered.SentAfter(onB.WarmedUp).ShouldAllBeAllowed(onB.Origin);   // unchanged, not even briefly
        }
        samples.Of(target.Uncovered).SentAfter(onB.WarmedUp).ShouldAllBeAllowed(onB.Origin);

        // A again (a new process): from its first answer it applies what is in the database.
        var restarted = await drill.RunningAAsync();
        await using var onA = await GuaranteeRun.StartAsync([restarted], target.All, deniedAtStart: fired ? target.Covered : null);
        var fromRestarted = await onA.StopAfterAsync(onA.WarmedUp);
        if (fired)
        {
            fromRestarted.Of(target.Covered).ShouldAllBeDenied("kill_switch", onA.Origin);
        }
        else
        {
            fromRestarted.Of(target.Covered).ShouldAllBeAllowed(onA.Origin);
        }
        fromRestarted.Of(target.Uncovered).ShouldAllBeAllowed(onA.Origin);
    }

    /// <summary>Fires through <paramref name="a"/> and kills it at <paramref name="moment"/>; the answer A gave, and the outcome the moment implies (null: either).</summary>
    private async Task<(HttpStatusCode? Answered, bool? Expected)> FireAndKillAsync(
        KillMoment moment, AppInstance a, string sessions, FireTarget target, string reason)
    {
        using var admin = a.CreateClient("dev-admin-token", TimeSpan.FromSeconds(60));
        Task<HttpStatusCode?> Fire() => FireAsync(admin, target.Scope, reason);
        switch (moment)
        {
            case KillMoment.BeforeRequest:
            {
                await a.KillAsync();
                var answered = await Fire();
                answered.ShouldBeNull("a killed instance answered");
                return (answered, false);
            }
            case KillMoment.InsideFireTransaction:
            {
                await using var hold = await RevisionLock.TakeAsync(drill.Cluster.Database);
                var sending = Fire();
                var blocked = await hold.WaitForBlockedSessionAsync(sessions, sending, TimeSpan.FromSeconds(60));
                await a.KillAsync();
                await hold.ReleaseAsync();
                output.WriteLine($"the fire's transaction (server pid {blocked}) was waiting at its revision bump when A was killed");
                var answered = await sending;
                answered.ShouldBeNull("the fire answered although its instance was killed mid-transaction");
                return (answered, false);
            }
            case KillMoment.JustAfterSending or KillMoment.ShortlyAfterSending or KillMoment.LaterAfterSending:
            {
                var sending = Fire();
                await Task.Delay(moment switch
                {
                    KillMoment.JustAfterSending => 0,
                    KillMoment.ShortlyAfterSending => 60,
                    _ => 250,
                });
                await a.KillAsync();
                return (await sending, null);
            }
            case KillMoment.DuringPropagationWait:
            {
                await using var stalled = await StalledEnforcementPoint.StartAsync(drill.Cluster.Database);
                var sending = Fire();
                await WaitUntilCommittedAsync(reason, TimeSpan.FromSeconds(60));
                await a.KillAsync();
                await stalled.StopAsync();
                var answered = await sending;
                answered.ShouldBeNull("the fire answered before A was killed although its propagation wait was held open");
                return (answered, true);
            }
            case KillMoment.AfterResponse:
            {
                var answered = await Fire();
                answered.ShouldBe(HttpStatusCode.Created);
                await a.KillAsync();
                return (answered, true);
            }
        }
        throw new ArgumentOutOfRangeException(nameof(moment), moment, null);
    }

    /// <summary>The status A answered, or null when no answer came (A was killed first).</summary>
    private static async Task<HttpStatusCode?> FireAsync(HttpClient admin, object scope, string reason)
    {
        try
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/kill-switches", new { scope, reason, incident = "INC-FAULT" });
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task WaitUntilCommittedAsync(string reason, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await drill.Cluster.ScalarAsync<long>("SELECT count(*) FROM kill_switches WHERE reason = $1", reason) == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The fire did not commit within {timeout}.");
            }
            await Task.Delay(5);
        }
    }

    private async Task<Outcome> ReadOutcomeAsync(string reason, HttpClient admin)
    {
        await using var db = TestPostgres.CreateDbContext(drill.Cluster.Database);
        var switches = await db.KillSwitches.Where(k => k.Reason == reason).Select(k => k.Id.ToString()).ToListAsync();
        var audit = await db.AuditEntries.CountAsync(e => e.Action == "kill_switch.fired" && e.Reason == reason
            && switches.Contains(e.EntityId));
        var strayAudit = await db.AuditEntries.CountAsync(e => e.Action == "kill_switch.fired" && e.Reason == reason
            && !switches.Contains(e.EntityId));
        strayAudit.ShouldBe(0, "an audit entry for a switch that does not exist");
        var listed = await admin.GetFromJsonAsync<ListedSwitches>($"/api/v1/kill-switches?active=true&pageSize={Core.Data.PageRequest.MaxPageSize}");
        listed!.Total.ShouldBeLessThanOrEqualTo(Core.Data.PageRequest.MaxPageSize);
        return new Outcome(switches.Count, audit, listed.Items.Any(s => s.Reason == reason));
    }

    /// <summary>Waits, as a writer does, until every live enforcement point has applied the current revision.</summary>
    private async Task<long> ProvePropagatedAsync()
    {
        var revision = await drill.Cluster.ScalarAsync<long>("SELECT value FROM policy_revision WHERE id = 1");
        var options = new AccessOptions();
        await using var database = new AccessDatabase(drill.Cluster.Database, options, new InstanceIdentity());
        var proof = await new PropagationWaiter(database, Options.Create(options), TimeProvider.System).WaitAsync(revision);
        proof.IsComplete.ShouldBeTrue();
        return Moment.Now();
    }

    private sealed record Outcome(int Switches, int AuditEntries, bool ListedOnB);

    private sealed record ListedSwitches(long Total, IReadOnlyList<ListedSwitch> Items);

    private sealed record ListedSwitch(Guid Id, string Reason);
}

/// <summary>
/// What one drill fires at: an integration of its own with two cameras exposed to it (the switch covers stream and
/// snapshot on both), a second integration the same cameras are exposed to (not covered), and a spare integration for
/// the survivor's own fire.
/// </summary>
internal sealed record FireTarget(TestIntegration Integration, TestIntegration Spare, CheckProbe[] Covered, CheckProbe[] Uncovered)
{
    public object Scope => new { integration = Integration.Key };

    public IReadOnlyList<CheckProbe> All => [.. Covered, .. Uncovered];

    public static async Task<FireTarget> ArrangeAsync(AccessWorld world)
    {
        var integration = await world.AddIntegrationAsync();
        var other = await world.AddIntegrationAsync();
        var spare = await world.AddIntegrationAsync();
        var owner = await world.AddAccountAsync();
        var first = await world.AddDeviceAsync(owner, integration, other);
        var second = await world.AddDeviceAsync(owner, integration, other);
        CheckProbe[] covered =
        [
            new($"{first}/stream", integration.BridgeKey, owner, first),
            new($"{first}/snapshot", integration.BridgeKey, owner, first, "snapshot"),
            new($"{second}/stream", integration.BridgeKey, owner, second),
        ];
        CheckProbe[] uncovered = [new($"other/{first}/stream", other.BridgeKey, owner, first)];
        return new FireTarget(integration, spare, covered, uncovered);
    }
}
