using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// What a partner reads first in <c>/openapi/v1.json</c>: the product, what the API is for, its licence, each tag,
/// and server addresses without a trailing slash (docs/decisions/0027).
/// </summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public const string Title = "Fleet Dashboard API";

    /// <summary>No licence file is published with the product: the document says so rather than naming an open one.</summary>
    public const string LicenseName = "Proprietary: use by agreement with the camera vendor only";

    /// <summary>Every tag an operation uses, described. A new tag without a line here fails OpenApiDocumentTests.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Access"] = "Decisions for integration bridges: may this bridge act on this camera for this account now, and " +
            "which cameras may it see. Bridge key only.",
        ["Accounts"] = "Customer accounts for staff: search, overview, lock and unlock, and revoking a customer's " +
            "linked services with a reason.",
        ["Audit"] = "The hash-chained audit log: filtered reads and a verification of the whole chain.",
        ["Devices"] = "Cameras for staff: fleet search, one camera's owner and effective access, its ownership " +
            "history, and claim, transfer and release with a reason.",
        ["Kill switches"] = "Cutting integrations off as narrowly as an incident allows: preview the blast radius, fire, " +
            "list, and lift with a second admin's approval. Vendor admins only.",
        ["Links"] = "Bridges report accounts linked or unlinked on their side and the cameras each link exposes. " +
            "Bridge key only.",
    };

    private const string Description = """
        The control plane of a camera fleet: which account owns which camera, which third-party integrations (Google
        Assistant, Amazon Alexa, IFTTT) may reach which cameras, and kill switches that cut that access off at once.

        **Who calls it.** Integration bridges ask for access decisions and report links with their *bridge key*.
        Vendor staff (support and admins) look up cameras and accounts, change ownership, read the audit log and fire
        kill switches with a *staff API token*. Both are sent as `Authorization: Bearer <credential>`; see the
        security schemes. OAuth 2.0 for partners is planned and not offered yet.

        **Errors.** Every error is an RFC 9457 problem details document (`application/problem+json`) with a
        `correlationId`; a 400 names each offending field under `errors`. Bodies are read strictly: an unknown enum
        value, a number sent as a string, or a property sent twice is a 400, and a refused request changes nothing.

        **Consistency.** An operation that changes decisions (a kill switch fired or lifted, a link, an ownership
        change) answers only after every enforcement point applies it: a decision asked for after the answer sees it.
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = Title;
        document.Info.Description = Description;
        document.Info.License = new OpenApiLicense { Name = LicenseName };

        var used = document.Paths?.Values
            .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal) ?? [];
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used.Order(StringComparer.Ordinal))
        {
            var tag = document.Tags.FirstOrDefault(t => t.Name == name);
            if (tag is null)
            {
                tag = new OpenApiTag { Name = name };
                document.Tags.Add(tag);
            }
            tag.Description ??= Tags.GetValueOrDefault(name);
        }

        // Derived from the request ("http://host/"): relative paths are appended to it, so no trailing slash.
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }
        return Task.CompletedTask;
    }
}
