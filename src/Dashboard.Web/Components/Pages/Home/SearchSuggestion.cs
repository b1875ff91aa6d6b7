namespace Dashboard.Web.Components.Pages.Home;

public enum SuggestionKind
{
    /// <summary>List every match for the typed text (the search results page).</summary>
    Everything,
    Device,
    Account,
}

/// <summary>One line under the support search box: what it shows, and the page it opens (null: the full results).</summary>
public sealed record SearchSuggestion(SuggestionKind Kind, string Text, string? Detail, string? Href);
