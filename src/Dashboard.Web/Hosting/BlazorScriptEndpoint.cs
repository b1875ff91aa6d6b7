using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Serves <c>blazor.web.js</c>, which the build extracts and embeds (see BlazorScript.targets) because the package
/// that normally carries it is unavailable. Pages reference <see cref="Url"/>, which carries a content hash, so a
/// matching request may be cached for good; any other request revalidates by ETag.
/// </summary>
internal static class BlazorScriptEndpoint
{
    public const string Path = "/_framework/blazor.web.js";
    private const string ResourceName = "Dashboard.Web.blazor.web.js";
    private const string VersionParameter = "v";

    private static readonly Lazy<Script> Embedded = new(Load);

    /// <summary>Relative URL (for a page with <c>&lt;base href="/"&gt;</c>) that changes whenever the script does.</summary>
    public static string Url => $"{Path.TrimStart('/')}?{VersionParameter}={Embedded.Value.Version}";

    public static IEndpointConventionBuilder MapBlazorScript(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
            {
                var script = Embedded.Value;
                var versioned = context.Request.Query[VersionParameter] == script.Version;
                context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "no-cache";
                return TypedResults.Bytes(script.Content, "text/javascript; charset=utf-8", entityTag: script.ETag);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static Script Load()
    {
        using var stream = typeof(BlazorScriptEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build did not embed {ResourceName}; see Hosting/BlazorScript.targets.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return new Script(content, version, new EntityTagHeaderValue($"\"{version}\""));
    }

    private sealed record Script(byte[] Content, string Version, EntityTagHeaderValue ETag);
}
