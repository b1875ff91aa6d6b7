using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Localization;

/// <summary>
/// MudBlazor's own texts (pager, grid, dialogs) in the person's language, from <c>MudTexts.*.resx</c>. A key we do
/// not translate is reported as not found, and MudBlazor shows its English default.
/// </summary>
public sealed class DashboardMudLocalizer(IStringLocalizer<MudTexts> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];
}

/// <summary>Names the resources of MudBlazor's texts (<c>MudTexts.resx</c> and its French and Indonesian siblings).</summary>
public sealed class MudTexts;
