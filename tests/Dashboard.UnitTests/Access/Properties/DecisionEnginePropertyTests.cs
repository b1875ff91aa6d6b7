using Dashboard.Core.Access;
using Dashboard.Core.Devices;
using Dashboard.Core.KillSwitches;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>The engine against the naive reference model, and its fail-closed promises, over random fleets.</summary>
public sealed class DecisionEnginePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static AccessDecision Decide(Fleet fleet, (Guid Integration, Guid Account, string Serial, AccessActions Action) r) =>
        DecisionEngine.Decide(
            new AccessRequest(r.Integration, r.Account, r.Serial, r.Action),
            FleetFactsSource.For(fleet, r.Integration, r.Account, r.Serial));

    [Fact]
    public void Decide_OnRandomFleets_AgreesWithTheReferenceModel() =>
        Check.One(Runs, Prop.ForAll(FleetGenerators.Fleets.ToArbitrary(), fleet =>
        {
            foreach (var request in fleet.AllRequests())
            {
                var expected = ReferenceModel.Decide(fleet, request.Integration, request.Account, request.Serial, request.Action);

                var decision = Decide(fleet, request);

                decision.Reason.ShouldBe(expected, $"request {request}");
                decision.IsAllowed.ShouldBe(expected == DecisionReason.Allowed);
                decision.Revision.ShouldBe(fleet.Revision);
            }
        }));

    [Fact]
    public void Decide_WhenADenyingSwitchMatches_NeverAllows() =>
        Check.One(Runs, Prop.ForAll(FleetGenerators.FleetsWithAnyScopes.ToArbitrary(), fleet =>
        {
            foreach (var request in fleet.AllRequests())
            {
                var matched = MatchingDenyingSwitches(fleet, request).ToArray();
                if (matched.Length == 0)
                {
                    continue;
                }

                var decision = Decide(fleet, request);

                decision.IsAllowed.ShouldBeFalse($"request {request} matched by {matched.Length} switch(es)");
                ((int)decision.Reason).ShouldBeLessThanOrEqualTo((int)DecisionReason.KillSwitch, "only an earlier reason may win over the switch");
            }
        }));

    [Fact]
    public void Matches_ForAnyScope_CoversAtLeastWhatTheLiteralReadingCovers() =>
        Check.One(Runs, Prop.ForAll(FleetGenerators.FleetsWithAnyScopes.ToArbitrary(), fleet =>
        {
            foreach (var killSwitch in fleet.KillSwitches)
            {
                foreach (var integration in fleet.Integrations)
                {
                    foreach (var device in fleet.Devices)
                    {
                        foreach (var account in fleet.Accounts)
                        {
                            foreach (var (action, _) in AccessActionNames.Each)
                            {
                                var target = new KillSwitchTarget(integration.Key, integration.Kind, action, device.Model, device.Firmware,
                                    device.Region, device.Serial, account.Id);
                                if (ReferenceModel.Covers(killSwitch.Scope, integration, action, device, account.Id))
                                {
                                    KillSwitchMatcher.Matches(killSwitch.Scope, target).ShouldBeTrue($"{target}");
                                }
                            }
                        }
                    }
                }
            }
        }));

    [Fact]
    public void Decide_WhenASwitchIsAdded_NeverTurnsADenyIntoAnAllow()
    {
        var fleetsAndSwitch =
            from fleet in FleetGenerators.FleetsWithAnyScopes
            from extra in FleetGenerators.KillSwitches(ScopeGenerators.Any(fleet))
            select (Fleet: fleet, Extra: extra);

        Check.One(Runs, Prop.ForAll(fleetsAndSwitch.ToArbitrary(), pair =>
        {
            var after = pair.Fleet.WithSwitch(pair.Extra);
            foreach (var request in pair.Fleet.AllRequests())
            {
                var before = Decide(pair.Fleet, request);
                var decision = Decide(after, request);

                if (decision.IsAllowed)
                {
                    before.IsAllowed.ShouldBeTrue($"request {request} allowed only after adding a switch");
                }
                if (before.Reason > DecisionReason.KillSwitch && MatchingDenyingSwitches(after, request).Contains(pair.Extra))
                {
                    decision.Reason.ShouldBe(DecisionReason.KillSwitch, $"request {request}");
                }
            }
        }));
    }

    [Fact]
    public void Decide_WhenFactsAreInconsistentOrUnreadable_DeniesWithoutThrowing()
    {
        var cases =
            from fleet in FleetGenerators.Fleets
            from corruptions in Gen.SubListOf(FactCorruptions.All).Where(list => list.Count > 0)
            select (Fleet: fleet, Corruptions: corruptions);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            foreach (var r in c.Fleet.AllRequests())
            {
                var request = new AccessRequest(r.Integration, r.Account, r.Serial, r.Action);
                var facts = FleetFactsSource.For(c.Fleet, r.Integration, r.Account, r.Serial);
                foreach (var corruption in c.Corruptions)
                {
                    (request, facts) = corruption.Apply(request, facts);
                }

                var decision = DecisionEngine.Decide(request, facts);

                decision.IsAllowed.ShouldBeFalse($"{r} corrupted by {string.Join(", ", c.Corruptions)}");
            }
        }));
    }

    private static IEnumerable<KillSwitch> MatchingDenyingSwitches(Fleet fleet, (Guid Integration, Guid Account, string Serial, AccessActions Action) r)
    {
        var integration = fleet.Integrations.Single(i => i.Id == r.Integration);
        var device = fleet.Devices.SingleOrDefault(d => d.Serial == Device.CanonicalSerial(r.Serial));
        if (device is null)
        {
            return [];
        }
        var target = new KillSwitchTarget(integration.Key, integration.Kind, r.Action, device.Model, device.Firmware, device.Region,
            device.Serial, r.Account);
        return fleet.KillSwitches.Where(k => k.Denies && KillSwitchMatcher.Matches(k.Scope, target));
    }
}
