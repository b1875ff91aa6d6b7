namespace Dashboard.Web.Links;

/// <summary>Body of <c>POST /api/v1/links</c>. Strings, so a bad value is reported by field, not by type.</summary>
public sealed record ReportLinkRequest(string? Account, IReadOnlyList<string?>? Devices);

/// <summary>Answer of <c>POST /api/v1/links</c>: canonical serials, sorted.</summary>
public sealed record ReportLinkResponse(Guid Account, string Integration, IReadOnlyList<string> Exposed, IReadOnlyList<string> Ignored);

/// <summary>Body of <c>POST /api/v1/accounts/{id}/links/{integration}/revoke</c>.</summary>
public sealed record RevokeLinkRequest(string? Reason);

public sealed record RevokeLinkResponse(Guid Account, string Integration, string Status);
