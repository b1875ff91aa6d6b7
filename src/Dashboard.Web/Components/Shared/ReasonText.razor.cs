using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// The one place a decision reason code becomes words: every page that shows why a service may or may not reach a
/// camera renders this component, so the sentences and their links are the same everywhere.
/// </summary>
public sealed partial class ReasonText
{
    [Inject] private IStringLocalizer<ReasonText> L { get; set; } = default!;

    [Parameter, EditorRequired]
    public DecisionReason Reason { get; set; }

    /// <summary>The service the decision is about, by its name (e.g. "Google Assistant").</summary>
    [Parameter]
    public string? Integration { get; set; }

    /// <summary>The account the decision was made for (a device's owner); its page or its links are the cause to show.</summary>
    [Parameter]
    public AccountRef? Account { get; set; }

    private string Sentence => Reason switch
    {
        DecisionReason.Allowed => L["Allowed", Integration ?? ""],
        DecisionReason.UnknownAccount => L["UnknownAccount"],
        DecisionReason.UnknownDevice => L["UnknownDevice"],
        DecisionReason.NotOwner => L["NotOwner"],
        DecisionReason.KillSwitch => L["KillSwitch", Integration ?? ""],
        DecisionReason.AccountLocked => L["AccountLocked", Account?.Email ?? ""],
        DecisionReason.NotLinked => L["NotLinked", Account?.Email ?? "", Integration ?? ""],
        DecisionReason.NotExposed => L["NotExposed", Account?.Email ?? "", Integration ?? ""],
        DecisionReason.ActionNotGranted => L["ActionNotGranted", Integration ?? ""],
    };

    /// <summary>Where the person can see, and act on, what caused the decision.</summary>
    private (string Href, string Text)? Cause => Reason switch
    {
        DecisionReason.KillSwitch => ("admin/kill-switches", L["SeeKillSwitches"]),
        DecisionReason.UnknownAccount or DecisionReason.UnknownDevice => ("search", L["SeeSearch"]),
        DecisionReason.Allowed or DecisionReason.NotLinked or DecisionReason.NotExposed or DecisionReason.ActionNotGranted
            => Account is { } a ? ($"accounts/{a.Id}/links", L["SeeLinks", a.Email]) : null,
        DecisionReason.NotOwner or DecisionReason.AccountLocked
            => Account is { } a ? ($"accounts/{a.Id}", L["SeeAccount", a.Email]) : null,
    };
}
