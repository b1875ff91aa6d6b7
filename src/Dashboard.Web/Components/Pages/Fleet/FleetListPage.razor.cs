using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Exports;
using Dashboard.Web.Validation;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Fleet;

public sealed partial class FleetListPage
{
    /// <summary>Suggestions shown at once while typing a model or firmware; the rest are found by typing more.</summary>
    private const int MaxSuggestions = 50;

    private FleetFilter filter = FleetFilter.None;
    private FleetSort sort = FleetSort.BySerial;
    private ServerGridSort? gridSort;
    private QueryErrors errors = new();
    private Draft draft = new(null, null, null, null, null);
    private TotalCount count = TotalCount.Capped;
    // Null until the first page is read: the prerendered page must not claim a count it never read.
    private ServerGridTotal? total;

    /// <summary>Carried from the prerender into the circuit, so the filter values are read once per page load.</summary>
    [PersistentState]
    public FleetFacets? Facets { get; set; }

    private FleetFacets facets => Facets ?? new FleetFacets([], [], []);

    [SupplyParameterFromQuery(Name = "model")] public string? Model { get; set; }
    [SupplyParameterFromQuery(Name = "firmware")] public string? Firmware { get; set; }
    [SupplyParameterFromQuery(Name = "region")] public string? Region { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "owned")] public string? Owned { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "exactCount")] public string? ExactCount { get; set; }

    /// <summary>A filtered count stops at 10,000 (docs/decisions/0041) unless the address asks for every match.</summary>
    private string CountText => total switch
    {
        null => L["Counting"],
        { IsLowerBound: true } => L["DevicesMoreThan", total.Count.ToString("N0", CultureInfo.CurrentCulture)],
        _ => L[CountWords.Key(total.Count, "Devices"), total.Count.ToString("N0", CultureInfo.CurrentCulture)],
    };

    protected override async Task OnInitializedAsync() => Facets ??= await Fleet.FacetsAsync();

    protected override void OnParametersSet()
    {
        var read = new QueryErrors();
        var (parsedFilter, parsedSort) = FleetQueryParameters.Read(Model, Firmware, Region, Status, Owned, Sort, read);
        var parsedCount = FleetQueryParameters.ReadTotalCount(ExactCount, read);
        errors = read;
        draft = new Draft(parsedFilter.Model, parsedFilter.Firmware, parsedFilter.Region,
            parsedFilter.Status?.ToString().ToLowerInvariant(), parsedFilter.Owned is { } o ? (o ? "true" : "false") : null);
        if (!read.HasErrors && (parsedFilter != filter || parsedSort != sort || parsedCount != count))
        {
            total = null;
        }
        filter = parsedFilter;
        sort = parsedSort;
        count = parsedCount;
        gridSort = ServerGridSort.Parse(Sort);
    }

    private Task<Paged<DeviceSummary>> LoadAsync(ServerGridQuery query, CancellationToken ct)
    {
        var read = new QueryErrors();
        var (_, order) = FleetQueryParameters.Read(null, null, null, null, null, query.Sort?.ToString(), read);
        return Fleet.ListAsync(filter, order, query.Page, count, ct);
    }

    private Task ApplyAsync(Draft chosen)
    {
        // The draft holds only values the pickers offered, so it always reads back without errors.
        var (chosenFilter, _) = FleetQueryParameters.Read(
            chosen.Model, chosen.Firmware, chosen.Region, chosen.Status, chosen.Owned, null, new QueryErrors());
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("devices", FleetQueryParameters.ToQuery(chosenFilter, sort)));
        return Task.CompletedTask;
    }

    private string ExactHref => Navigation.GetUriWithQueryParameter("exactCount", "true");

    private string ExportHref =>
        Navigation.GetUriWithQueryParameters(ExportEndpoints.DevicesPath, FleetQueryParameters.ToQuery(filter, sort));

    private static Task<IEnumerable<string>> Search(IReadOnlyList<string> values, string? text) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? values
            : values.Where(v => v.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private string StatusWords(string? status) => status switch
    {
        "active" => L["Active"],
        "decommissioned" => L["Decommissioned"],
        _ => "",
    };

    private string OwnedWords(string? owned) => owned switch
    {
        "true" => L["Owned"],
        "false" => L["NotOwned"],
        _ => "",
    };

    private sealed record Draft(string? Model, string? Firmware, string? Region, string? Status, string? Owned);
}
