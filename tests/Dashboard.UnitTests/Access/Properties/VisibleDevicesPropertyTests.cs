using Dashboard.Core.Access;
using Dashboard.Core.KillSwitches;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.UnitTests.Access.Properties;

public sealed class VisibleDevicesPropertyTests
{
    [Fact]
    public void For_OnRandomFleets_EqualsThePerActionAnswersOfEngineAndReference() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(FleetGenerators.FleetsWithAnyScopes.ToArbitrary(), fleet =>
        {
            foreach (var integration in fleet.Integrations)
            {
                foreach (var account in fleet.Accounts.Select(a => a.Id).Append(Fleet.UnknownAccount))
                {
                    var visible = VisibleDevices.For(integration.Id, account, FleetFactsSource.ForAccount(fleet, integration.Id, account));

                    visible.ShouldBe(PerAction(fleet, integration.Id, account, Engine), $"{integration.Key} / {account}");
                    if (fleet.KillSwitches.All(k => ScopeIsValid(k)))
                    {
                        visible.ShouldBe(PerAction(fleet, integration.Id, account, Reference), $"{integration.Key} / {account}");
                    }
                }
            }
        }));

    private static bool Engine(Fleet fleet, Guid integration, Guid account, string serial, AccessActions action) =>
        DecisionEngine.Decide(new AccessRequest(integration, account, serial, action), FleetFactsSource.For(fleet, integration, account, serial))
            .IsAllowed;

    private static bool Reference(Fleet fleet, Guid integration, Guid account, string serial, AccessActions action) =>
        ReferenceModel.Decide(fleet, integration, account, serial, action) == DecisionReason.Allowed;

    // Every device of the fleet with the actions the oracle allows, one request at a time.
    private static VisibleDevice[] PerAction(
        Fleet fleet, Guid integration, Guid account, Func<Fleet, Guid, Guid, string, AccessActions, bool> allows) =>
        fleet.Devices
            .Select(d => new VisibleDevice(
                d.Serial,
                AccessActionNames.Each.Where(e => allows(fleet, integration, account, d.Serial, e.Action))
                    .Aggregate(AccessActions.None, (set, e) => set | e.Action)))
            .Where(v => v.Actions != AccessActions.None)
            .OrderBy(v => v.Serial, StringComparer.Ordinal)
            .ToArray();

    private static bool ScopeIsValid(KillSwitch k) =>
        KillSwitchScopeValidator.Validate(k.Scope, ["google-assistant", "alexa", "ifttt", "retired-bridge"]).Count == 0;
}
