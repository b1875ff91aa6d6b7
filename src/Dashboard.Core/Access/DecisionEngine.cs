using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.Core.Access;

/// <summary>
/// Decides one access request from a snapshot of facts. Pure: no I/O, no clock, no state, so the same request and
/// facts always give the same answer, on any instance, from the cache or from the database.
/// </summary>
/// <remarks>
/// <para>The checks run in the contract's fixed order and the first that fails is the reason, so the reported reason
/// is deterministic: unknown_account, unknown_device, not_owner, kill_switch, account_locked, not_linked, not_exposed,
/// action_not_granted; else allowed. Ownership comes before the kill switch so that a cross-tenant request is always
/// reported as not_owner (the incident signal), whatever else is switched off.</para>
/// <para>Fails closed, with one rule: <b>a check that cannot be evaluated fails</b>, and is reported like any other
/// failing check, in order. So inconsistent facts are a deny with the reason of the first check they make
/// unanswerable:</para>
/// <list type="bullet">
/// <item>account facts about another account than requested: unknown_account;</item>
/// <item>device facts about another serial, or no serial in the request: unknown_device;</item>
/// <item>integration facts missing or about another integration, a missing kill switch list, a null switch, or a
/// scope that cannot be read (see <see cref="KillSwitchMatcher"/>): kill_switch, because no switch can be ruled
/// out;</item>
/// <item>an account status other than active: account_locked; a link status other than active: not_linked;</item>
/// <item>an action that is not exactly one known action: action_not_granted (nothing grants it), unless a switch
/// that narrows by action could cover it, in which case kill_switch comes first.</item>
/// </list>
/// <para>Nothing here throws for any input: no exception can turn into a 500, or worse, into a retry that allows.</para>
/// </remarks>
public static class DecisionEngine
{
    public static AccessDecision Decide(AccessRequest request, AccessFacts facts)
    {
        if (facts is null)
        {
            // No snapshot means nothing is known, starting with the account; revision 0 precedes every real one.
            return AccessDecision.Deny(DecisionReason.UnknownAccount, 0);
        }
        var reason = FirstFailingCheck(request, facts);
        return reason == DecisionReason.Allowed
            ? AccessDecision.Allow(facts.Revision)
            : AccessDecision.Deny(reason, facts.Revision);
    }

    private static DecisionReason FirstFailingCheck(in AccessRequest request, AccessFacts facts)
    {
        if (facts.Account is not { } account || account.Id != request.AccountId)
        {
            return DecisionReason.UnknownAccount;
        }
        if (facts.Device is not { } device
            || string.IsNullOrEmpty(request.Serial)
            || !string.Equals(device.Serial, request.Serial, StringComparison.Ordinal))
        {
            return DecisionReason.UnknownDevice;
        }
        if (device.OwnerId != account.Id)
        {
            return DecisionReason.NotOwner;
        }
        if (facts.Integration is not { } integration
            || integration.Id != request.IntegrationId
            || AnySwitchMayCover(facts.KillSwitches, KillSwitchTarget.Of(integration, request.Action, device, request.AccountId)))
        {
            return DecisionReason.KillSwitch;
        }
        if (account.Status != AccountStatus.Active)
        {
            return DecisionReason.AccountLocked;
        }
        if (facts.Link is not { Status: LinkStatus.Active } link)
        {
            return DecisionReason.NotLinked;
        }
        if (!facts.DeviceExposed)
        {
            return DecisionReason.NotExposed;
        }
        // IsSingle first: with a combined action, (offered & granted & action) != 0 would pass on any one bit of it.
        if (!AccessActionNames.IsSingle(request.Action)
            || (integration.Actions & link.GrantedActions & request.Action) != request.Action)
        {
            return DecisionReason.ActionNotGranted;
        }
        return DecisionReason.Allowed;
    }

    private static bool AnySwitchMayCover(IReadOnlyList<DenyingKillSwitch>? switches, in KillSwitchTarget target)
    {
        if (switches is null)
        {
            // Not knowing which switches deny is not knowing that none does.
            return true;
        }
        for (var i = 0; i < switches.Count; i++)
        {
            if (switches[i] is not { } killSwitch || KillSwitchMatcher.Matches(killSwitch.Scope, target))
            {
                return true;
            }
        }
        return false;
    }
}
