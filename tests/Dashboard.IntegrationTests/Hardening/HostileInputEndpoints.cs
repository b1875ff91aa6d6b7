using System.Text.RegularExpressions;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>One API operation as the app itself describes it: method, route template, declared query parameters.</summary>
/// <param name="BodyType">The JSON body the endpoint reads (its accepts metadata), null when it reads none.</param>
internal sealed record HostileInputEndpoint(string Method, string Template, IReadOnlyList<string> QueryParameters, Type? BodyType = null)
{
    /// <summary>Bridges call the decision and link endpoints with their key; everything else is staff.</summary>
    public bool IsBridge => Template.StartsWith("/api/v1/access/", StringComparison.Ordinal)
        || Template.StartsWith("/api/v1/links", StringComparison.Ordinal);

    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    public IReadOnlyList<string> RouteParameters =>
        Regex.Matches(Template, @"\{([^}:?=]+)[^}]*\}").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The path with each route parameter replaced by the (escaped) value it is given.</summary>
    public string Path(Func<string, string> valueFor) =>
        Regex.Replace(Template, @"\{([^}:?=]+)[^}]*\}", m => Uri.EscapeDataString(valueFor(m.Groups[1].Value)));

    public override string ToString() => $"{Method} {Template}";

    /// <summary>Every route endpoint under <c>/api/</c>, from the app's endpoint data source.</summary>
    public static IReadOnlyList<HostileInputEndpoint> Enumerate(IServiceProvider services)
    {
        var described = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .ToList();
        return MappedRoutes.Of(services)
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Methods ?? []).Select(m => (Template: e.Pattern, Method: m, Body: e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .Select(e => new HostileInputEndpoint(e.Method, e.Template, QueryParametersOf(described, e.Method, e.Template), e.Body))
            .OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> QueryParametersOf(List<ApiDescription> described, string method, string template)
    {
        var relative = Regex.Replace(template.Trim('/'), @"\{([^}:?=]+)[^}]*\}", "{$1}");
        var declared = described
            .Where(d => string.Equals(d.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
                && string.Equals(Regex.Replace((d.RelativePath ?? "").Trim('/'), @"\{([^}:?=]+)[^}]*\}", "{$1}"), relative, StringComparison.OrdinalIgnoreCase))
            .SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Query)
            .Select(p => p.Name);
        // Paging is sent to every endpoint: one that ignores it must still not fail on it.
        return declared.Concat(["page", "pageSize"]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
