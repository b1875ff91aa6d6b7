using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access;

/// <summary>Reason order: whatever combination of checks fails, the earliest in the contract's order is reported.</summary>
public sealed class DecisionOrderTests
{
    // One way to make each check fail, in contract order. Each tolerates facts an earlier one already removed.
    private static readonly (DecisionReason Reason, Func<AccessFacts, AccessFacts> Break)[] Failures =
    [
        (DecisionReason.UnknownAccount, f => f with { Account = null }),
        (DecisionReason.UnknownDevice, f => f with { Device = null }),
        (DecisionReason.NotOwner, f => f.WithDevice(d => d with { OwnerId = Given.Bob })),
        (DecisionReason.KillSwitch, f => f.WithSwitches(new KillSwitchScope { AllIntegrations = true })),
        (DecisionReason.AccountLocked, f => f.WithAccountStatus(AccountStatus.Locked)),
        (DecisionReason.NotLinked, f => f with { Link = null }),
        (DecisionReason.NotExposed, f => f with { DeviceExposed = false }),
        (DecisionReason.ActionNotGranted, f => f.WithGranted(AccessActions.Snapshot)),
    ];

    [Fact]
    public void Failures_CoverEveryDenyReasonInDeclarationOrder() =>
        Failures.Select(f => f.Reason).ShouldBe(Enum.GetValues<DecisionReason>().Where(r => r != DecisionReason.Allowed));

    [Fact]
    public void Decide_ForEveryCombinationOfFailingChecks_ReportsTheEarliest()
    {
        var combinations = 1 << Failures.Length;
        for (var mask = 1; mask < combinations; mask++)
        {
            var facts = Given.Facts;
            // Break later checks first so that, e.g., granting less still applies before the link is removed.
            for (var i = Failures.Length - 1; i >= 0; i--)
            {
                if ((mask & (1 << i)) != 0)
                {
                    facts = Failures[i].Break(facts);
                }
            }
            var earliest = Failures[int.TrailingZeroCount(mask)].Reason;

            var decision = DecisionEngine.Decide(Given.Request(), facts);

            decision.Reason.ShouldBe(earliest, $"failing checks: {Describe(mask)}");
            decision.Decision.ShouldBe(Decision.Deny);
        }
    }

    private static string Describe(int mask) =>
        string.Join(", ", Failures.Where((_, i) => (mask & (1 << i)) != 0).Select(f => f.Reason.ToWireName()));
}
