using System.Globalization;
using Dashboard.Core.Access.Propagation;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages.KillSwitches;

internal static class KillSwitchFormat
{
    // TODO(when): the layout's <When> component formats instants in the person's time zone; until it lands, UTC.
    public static string Time(DateTime utc) => utc.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    /// <summary>
    /// A propagation proof in words, from resources that hold "ProofAll" and "ProofExpired" ({0} confirmed, {1}
    /// enforcement points, {2} milliseconds, {3} expired).
    /// </summary>
    public static string Proof(PropagationProof proof, IStringLocalizer text) => text[
        proof.Expired > 0 ? "ProofExpired" : "ProofAll",
        proof.Confirmed.ToString("N0", CultureInfo.CurrentCulture),
        proof.EnforcementPoints.ToString("N0", CultureInfo.CurrentCulture),
        proof.ElapsedMs.ToString("0.#", CultureInfo.CurrentCulture),
        proof.Expired.ToString("N0", CultureInfo.CurrentCulture)];
}
