using System.Text;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.Access.Properties;

/// <summary>A small random fleet as raw rows, the way the database holds it.</summary>
internal sealed record Fleet(
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Device> Devices,
    IReadOnlyList<Integration> Integrations,
    IReadOnlyList<AccountLink> Links,
    IReadOnlyList<DeviceExposure> Exposures,
    IReadOnlyList<KillSwitch> KillSwitches,
    long Revision)
{
    public static readonly Guid UnknownAccount = new("99999999-9999-9999-9999-999999999999");
    public const string UnknownSerial = "NOPE-0000";

    /// <summary>Every question a bridge could ask of this fleet, unknown accounts and serials and sloppy typing included.</summary>
    public IEnumerable<(Guid Integration, Guid Account, string Serial, AccessActions Action)> AllRequests()
    {
        var accounts = Accounts.Select(a => a.Id).Append(UnknownAccount).ToArray();
        var serials = Devices.Select(d => d.Serial)
            .Concat(Devices.Take(1).Select(d => $" {d.Serial.ToLowerInvariant()} "))
            .Append(UnknownSerial)
            .ToArray();
        return from integration in Integrations
               from account in accounts
               from serial in serials
               from action in new[] { AccessActions.Stream, AccessActions.Snapshot, AccessActions.Events, AccessActions.Control }
               select (integration.Id, account, serial, action);
    }

    public Fleet WithSwitch(KillSwitch killSwitch) => this with { KillSwitches = [.. KillSwitches, killSwitch] };

    // FsCheck prints the counterexample with ToString: make it readable.
    public override string ToString()
    {
        var text = new StringBuilder("Fleet\n");
        foreach (var a in Accounts)
        {
            text.Append($"  account {Short(a.Id)} {a.Status}\n");
        }
        foreach (var d in Devices)
        {
            text.Append($"  device {d.Serial} owner={Short(d.OwnerId)} {d.Model}/{d.Firmware}/{d.Region}\n");
        }
        foreach (var i in Integrations)
        {
            text.Append($"  integration {i.Key} {i.Kind} offers={i.Actions}\n");
        }
        foreach (var l in Links)
        {
            var exposed = Exposures.Where(e => e.LinkId == l.Id).Select(e => Devices.Single(d => d.Id == e.DeviceId).Serial);
            text.Append($"  link {Short(l.AccountId)}->{Integrations.Single(i => i.Id == l.IntegrationId).Key} {l.Status} ")
                .Append($"grants={l.GrantedActions} exposes=[{string.Join(",", exposed)}]\n");
        }
        foreach (var k in KillSwitches)
        {
            text.Append($"  switch {k.Status} {Describe(k.Scope)}\n");
        }
        return text.ToString();
    }

    private static string Short(Guid? id) => id is null ? "-" : id.Value.ToString()[^4..];

    private static string Describe(KillSwitchScope s) =>
        $"integration={s.Integration ?? "-"} kind={s.IntegrationKind ?? "-"} all={s.AllIntegrations} " +
        $"actions={List(s.Actions)} models={List(s.Models)} firmware={List(s.Firmware)} regions={List(s.Regions)} " +
        $"accounts={List(s.Accounts?.Select(a => Short(a)).ToArray())} devices={List(s.Devices)}";

    private static string List(IReadOnlyList<string>? values) =>
        values is null ? "*" : $"[{string.Join(",", values.Select(v => v is null ? "null" : $"'{v}'"))}]";
}
