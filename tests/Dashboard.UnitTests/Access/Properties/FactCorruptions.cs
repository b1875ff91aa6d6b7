using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>Ways a fact source (or a caller) could hand the engine something it must not trust. Each alone forces a deny.</summary>
internal sealed record FactCorruptions(string Name, Func<AccessRequest, AccessFacts, (AccessRequest, AccessFacts)> Apply)
{
    public static readonly FactCorruptions[] All =
    [
        new("facts about another account", (r, f) => (r, f with { Account = f.Account is null ? null : f.Account with { Id = Guid.NewGuid() } })),
        new("facts about another device", (r, f) => (r, f with { Device = f.Device is null ? null : f.Device with { Serial = "OTHER-9999" } })),
        new("device without serial", (r, f) => (r, f with { Device = f.Device is null ? null : f.Device with { Serial = null! } })),
        new("request without serial", (r, f) => (new AccessRequest(r.IntegrationId, r.AccountId, null!, r.Action), f)),
        new("facts about another integration", (r, f) => (r, f with { Integration = f.Integration with { Id = Guid.NewGuid() } })),
        new("no integration facts", (r, f) => (r, f with { Integration = null! })),
        new("no kill switch list", (r, f) => (r, f with { KillSwitches = null! })),
        new("a null kill switch", (r, f) => (r, f with { KillSwitches = [.. f.KillSwitches ?? [], null!] })),
        new("a switch without scope", (r, f) => (r, f with { KillSwitches = [.. f.KillSwitches ?? [], new DenyingKillSwitch(Guid.NewGuid(), null!)] })),
        new("a switch with no selector", (r, f) => (r, f with { KillSwitches = [.. f.KillSwitches ?? [], new DenyingKillSwitch(Guid.NewGuid(), new KillSwitchScope())] })),
        new("undefined account status", (r, f) => (r, f with { Account = f.Account is null ? null : f.Account with { Status = (AccountStatus)42 } })),
        new("undefined link status", (r, f) => (r, f with { Link = f.Link is null ? null : f.Link with { Status = (LinkStatus)42 } })),
        new("combined action", (r, f) => (new AccessRequest(r.IntegrationId, r.AccountId, r.Serial, r.Action | AccessActions.Control | AccessActions.Stream), f)),
        new("unknown action bit", (r, f) => (new AccessRequest(r.IntegrationId, r.AccountId, r.Serial, (AccessActions)128), f)),
    ];

    public override string ToString() => Name;
}
