using System.Globalization;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.KillSwitches;

namespace Dashboard.Web.Components.Pages.KillSwitches;

internal static class KillSwitchFormat
{
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Status(KillSwitchStatus status) => status switch
    {
        KillSwitchStatus.Active => "Active",
        KillSwitchStatus.PendingApproval => "Lift pending approval",
        KillSwitchStatus.Lifted => "Lifted",
    };

    public static string Proof(PropagationProof proof) => string.Create(CultureInfo.InvariantCulture,
        $"{proof.Confirmed} of {proof.EnforcementPoints} enforcement points confirmed{(proof.Expired > 0 ? $", {proof.Expired} expired" : "")}, in {proof.ElapsedMs:0.#} ms");
}
