using System.Globalization;
using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Privacy;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages.Home;

/// <summary>
/// Support's home page: one box for a serial, MAC address, email or account id. As the person types, the first
/// matching devices and accounts are offered (picking one opens it); Enter or Search lists every match, paged.
/// </summary>
public sealed partial class SupportSearch
{
    private const int PageSize = 20;
    private const int Suggested = 5;
    private string? draft = "";
    private string? reasonDraft = "";
    private SearchSuggestion? picked;

    [Inject] private DeviceSearch DeviceSearch { get; set; } = default!;
    [Inject] private AccountSearch AccountSearch { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<SupportSearch> L { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>Why support looks (a ticket reference): carried to the pages opened from the results, which record it.</summary>
    [SupplyParameterFromQuery(Name = StaffReadReason.Parameter)]
    public string? Reason { get; set; }

    /// <summary>Carried from the prerender into the circuit, so a search runs once per page load.</summary>
    [PersistentState]
    public SearchResults? Results { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        draft = Query ?? "";
        reasonDraft = Reason ?? "";
        if (string.IsNullOrWhiteSpace(Query) || Results?.Query == Query)
        {
            return;
        }
        var page = PageRequest.First(PageSize);
        var devices = DeviceSearch.SearchAsync(Query, page);
        var accounts = AccountSearch.SearchAsync(Query, page);
        Results = new SearchResults(Query, await devices, await accounts);
    }

    /// <summary>
    /// "Every result for what I typed" first, so Enter in the box lists them all, as it did before suggestions; then
    /// the first devices and accounts that match.
    /// </summary>
    private async Task<IEnumerable<SearchSuggestion>> SuggestAsync(string? text, CancellationToken ct)
    {
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return [];
        }
        var page = PageRequest.First(Suggested);
        var devices = DeviceSearch.SearchAsync(typed, page, ct);
        var accounts = AccountSearch.SearchAsync(typed, page, ct);
        return
        [
            new SearchSuggestion(SuggestionKind.Everything, typed, null, null),
            .. (await devices).Items.Select(d => new SearchSuggestion(
                SuggestionKind.Device, d.Serial, d.Owner?.Email ?? d.Model, $"devices/{Uri.EscapeDataString(d.Serial)}")),
            .. (await accounts).Items.Select(a => new SearchSuggestion(
                SuggestionKind.Account, a.Email, a.DisplayName, $"accounts/{a.Id}")),
        ];
    }

    private void OpenAsync(SearchSuggestion? suggestion)
    {
        picked = suggestion;
        if (suggestion is null)
        {
            return;
        }
        if (suggestion.Href is { } href)
        {
            Navigation.NavigateTo(Opening(href));
            return;
        }
        draft = suggestion.Text;
        Search();
    }

    // The query lives in the address, so results can be shared, bookmarked and revisited with Back.
    private void Search() => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["q"] = draft?.Trim() ?? "",
        [StaffReadReason.Parameter] = string.IsNullOrWhiteSpace(reasonDraft) ? null : reasonDraft.Trim(),
    }));

    /// <summary>A page opened from here carries the reason typed now (or given with the address).</summary>
    private string Opening(string path) =>
        SupportSearchResults.Opening(path, string.IsNullOrWhiteSpace(reasonDraft) ? Reason : reasonDraft);

    private string SuggestionLabel(SearchSuggestion s) => s.Kind == SuggestionKind.Everything ? L["SearchEverything", s.Text] : s.Text;

    private static string SuggestionIcon(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Everything => MudBlazor.Icons.Material.Filled.Search,
        SuggestionKind.Device => MudBlazor.Icons.Material.Filled.Videocam,
        SuggestionKind.Account => MudBlazor.Icons.Material.Filled.Person,
    };

    private string Summary(SearchResults results) =>
        L["Found", Counted(results.Devices.Total, "DevicesOne", "DevicesMany"), Counted(results.Accounts.Total, "AccountsOne", "AccountsMany")];

    private string Counted(long n, string one, string many) =>
        L[PluralRule.IsOne(n) ? one : many, n.ToString("N0", CultureInfo.CurrentCulture)];

    public sealed record SearchResults(string Query, Paged<DeviceSummary> Devices, Paged<AccountSummary> Accounts);
}
