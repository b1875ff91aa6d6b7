namespace Dashboard.Web.Components.Shared;

/// <summary>Names the texts of the generic <c>ResultSection&lt;TItem&gt;</c> (a generic type cannot name a .resx).</summary>
public sealed class ResultSectionText;
