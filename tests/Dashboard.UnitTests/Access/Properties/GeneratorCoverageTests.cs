using Dashboard.Core.Access;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using FsCheck.Fluent;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>The property tests prove something only if the random fleets reach every outcome; this keeps them honest.</summary>
public sealed class GeneratorCoverageTests
{
    [Fact]
    public void Fleets_ReachEveryReasonAndTheTrickyCases()
    {
        var fleets = FleetGenerators.Fleets.Sample(300);
        var reasons = new HashSet<DecisionReason>();
        var revokedOnlyNotLinked = false;
        var pendingLiftDenies = false;

        foreach (var fleet in fleets)
        {
            foreach (var r in fleet.AllRequests())
            {
                var reason = ReferenceModel.Decide(fleet, r.Integration, r.Account, r.Serial, r.Action);
                reasons.Add(reason);
                var links = fleet.Links.Where(l => l.AccountId == r.Account && l.IntegrationId == r.Integration).ToArray();
                revokedOnlyNotLinked |= reason == DecisionReason.NotLinked && links.Length > 0 && links.All(l => l.Status == LinkStatus.Revoked);
                pendingLiftDenies |= reason == DecisionReason.KillSwitch
                    && fleet.KillSwitches.All(k => k.Status != KillSwitchStatus.Active || !k.Denies);
            }
        }

        reasons.ShouldBe(Enum.GetValues<DecisionReason>(), ignoreOrder: true);
        revokedOnlyNotLinked.ShouldBeTrue("a revoked link (and no active one) answering not_linked");
        pendingLiftDenies.ShouldBeTrue("a kill_switch deny where every denying switch awaits lift approval");
    }
}
