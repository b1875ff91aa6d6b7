using System.Globalization;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Exports;
using Dashboard.Web.Validation;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Audit;

public sealed partial class AuditLogPage
{
    private AuditFilter filter = AuditFilter.None;
    private QueryErrors errors = new();
    private Draft draft = new();
    private IReadOnlyDictionary<string, AuditName> names = new Dictionary<string, AuditName>();
    // -1 until the first page is read: the prerendered page (the grid loads only once the circuit runs) must not claim
    // "0 entries" it never read, least of all while the database is unavailable.
    private long total = -1;

    [SupplyParameterFromQuery(Name = "actor")] public string? Actor { get; set; }
    [SupplyParameterFromQuery(Name = "entity")] public string? Entity { get; set; }
    [SupplyParameterFromQuery(Name = "entityId")] public string? EntityId { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    private string CountText => total < 0
        ? L["Counting"]
        : L[CountWords.Key(total, "Entries"), total.ToString("N0", CultureInfo.CurrentCulture)];

    protected override void OnParametersSet()
    {
        var read = new QueryErrors();
        var parsed = AuditQueryParameters.Read(Actor, Entity, EntityId, From, To, read);
        errors = read;
        draft = new Draft
        {
            Actor = Actor, Entity = parsed.EntityType ?? Entity, EntityId = parsed.EntityId,
            // What was typed stays in the field when it cannot be read, so it can be corrected.
            From = parsed.From is { } f ? Local(f) : From, To = parsed.To is { } t ? Local(t) : To,
        };
        if (!read.HasErrors && parsed != filter)
        {
            total = -1;
        }
        filter = parsed;
    }

    private async Task<Paged<AuditRow>> LoadAsync(ServerGridQuery query, CancellationToken ct)
    {
        var page = await Search.SearchAsync(filter, query.Page, ct);
        // One look-up for the whole page: entries keep ids, staff read emails.
        names = await People.ForAsync(
            page.Items.SelectMany(e => AuditDataFields.Read(e.Data).Where(f => f.Kind == AuditValueKind.Text).Select(f => f.Value))
                .Concat(page.Items.Where(e => e.EntityType == "account").Select(e => e.EntityId)), ct);
        return page;
    }

    private void Apply() => Navigation.NavigateTo(Query(new Dictionary<string, object?>
    {
        ["actor"] = Blank(draft.Actor),
        ["entity"] = Blank(draft.Entity),
        ["entityId"] = Blank(draft.EntityId),
        ["from"] = Blank(draft.From),
        ["to"] = Blank(draft.To),
    }));

    private void Clear() => Navigation.NavigateTo("audit");

    private string Query(IReadOnlyDictionary<string, object?> parameters) =>
        Navigation.GetUriWithQueryParameters("audit", parameters);

    private string EntityHref(AuditRow e) => Query(new Dictionary<string, object?>
    {
        ["entity"] = e.EntityType, ["entityId"] = e.EntityId,
    });

    private string ExportHref => Navigation.GetUriWithQueryParameters(ExportEndpoints.AuditPath, new Dictionary<string, object?>
    {
        ["actor"] = filter.Actor,
        ["entity"] = filter.EntityType,
        ["entityId"] = filter.EntityId,
        ["from"] = filter.From is { } f ? Iso(f) : null,
        ["to"] = filter.To is { } t ? Iso(t) : null,
    });

    private string ActorWords(AuditRow e) => e.ActorId == AuditLog.System ? L["System"] : e.Actor;

    private string EntityWords(AuditRow e) => names.TryGetValue(e.EntityId, out var name) ? name.Email : e.EntityId;

    /// <summary>Known actions read as words; one the page does not know yet is shown by its code alone.</summary>
    private string ActionWords(string action) => L["Action_" + action] is { ResourceNotFound: false } words ? words.Value : "";

    private static string Iso(DateTime t) =>
        DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>An exact instant, the same for every reader: ISO order, UTC, to the millisecond.</summary>
    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A parsed UTC bound as the time field shows it (the field is UTC, and says so).</summary>
    private static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class Draft
    {
        public string? Actor { get; set; }
        public string? Entity { get; set; }
        public string? EntityId { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }
}
