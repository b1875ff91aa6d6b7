using System.Text.RegularExpressions;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.IntegrationTests.Security;

/// <summary>Who posts to a form endpoint in the form tests: a user the endpoint's authorization lets through.</summary>
public enum Who { Anonymous, Customer, Support, Admin }

/// <summary>An endpoint taking an unsafe method, as the app's endpoint metadata describes it.</summary>
internal sealed record UnsafeEndpoint(string Method, string Pattern, bool IsForm, bool RequiresAntiforgery);

/// <summary>The demo app with one signed-in client per role, signed in once for the whole test class.</summary>
public sealed class SignedInApp : DashboardAppFactory
{
    private Task<Dictionary<Who, HttpClient>>? _clients;

    public Task<Dictionary<Who, HttpClient>> ClientsAsync() => _clients ??= SignInAsync();

    /// <summary>A client of its own, signed in as <paramref name="who"/> (for posts that sign their client out).</summary>
    public async Task<HttpClient> SignedInClientAsync(Who who)
    {
        await DemoFixtureApp.WaitUntilReadyAsync(this);
        var client = NewClient();
        if (who != Who.Anonymous)
        {
            await SignInForm.SignInAsync(client, FormEndpoints.Email(who), "Demo-pass-1");
        }
        return client;
    }

    private async Task<Dictionary<Who, HttpClient>> SignInAsync()
    {
        var clients = new Dictionary<Who, HttpClient>();
        foreach (var who in Enum.GetValues<Who>())
        {
            clients[who] = await SignedInClientAsync(who);
        }
        return clients;
    }

    private HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

/// <summary>
/// The app's form endpoints, found from its own endpoint metadata, with the user that may post to each and sample
/// route values. Shared by the antiforgery coverage and hostile form input tests.
/// </summary>
internal static partial class FormEndpoints
{
    /// <summary>"POST route pattern" of every form endpoint → who posts to it in the tests.</summary>
    public static readonly IReadOnlyDictionary<string, Who> Table = new Dictionary<string, Who>(StringComparer.Ordinal)
    {
        ["POST /Account/Logout"] = Who.Admin,
        ["POST /Account/Login"] = Who.Anonymous,
        ["POST /preferences"] = Who.Anonymous,
        ["POST /Account/AccessDenied"] = Who.Anonymous,
        ["POST /not-found"] = Who.Anonymous,
        ["POST /"] = Who.Admin,
        ["POST /cameras"] = Who.Customer,
        ["POST /linked-services"] = Who.Customer,
        ["POST /privacy"] = Who.Customer,
        ["POST /search"] = Who.Support,
        ["POST /devices"] = Who.Support,
        ["POST /devices/{Serial}"] = Who.Support,
        ["POST /accounts/{Id:guid}"] = Who.Support,
        ["POST /accounts/{Id:guid}/links"] = Who.Support,
        ["POST /audit"] = Who.Support,
        ["POST /admin/signals"] = Who.Support,
        ["POST /fleet"] = Who.Admin,
        ["POST /admin/tokens"] = Who.Admin,
        ["POST /admin/integrations"] = Who.Admin,
        ["POST /admin/integration-catalog"] = Who.Admin,
        ["POST /admin/kill-switches"] = Who.Admin,
        ["POST /admin/kill-switches/new"] = Who.Admin,
    };

    public static string Email(Who who) => who switch
    {
        Who.Customer => "alice@demo.test",
        Who.Support => "support@demo.test",
        Who.Admin => "admin@demo.test",
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    public static Who WhoPosts(UnsafeEndpoint endpoint) => Table.GetValueOrDefault(Key(endpoint), Who.Anonymous);

    public static string Key(UnsafeEndpoint endpoint) => $"{endpoint.Method} {endpoint.Pattern}";

    private static readonly string[] UnsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Every route endpoint taking an unsafe method (or any method). A form endpoint is one the framework binds
    /// forms for: a page (component endpoints take form posts for their EditForms), an endpoint declaring form
    /// content types, or one carrying antiforgery metadata.
    /// </summary>
    public static List<UnsafeEndpoint> Unsafe(DashboardAppFactory app)
    {
        using var _ = app.CreateClient();   // the endpoints are mapped once the host has started
        return MappedRoutes.Of(app.Services)
            .SelectMany(e =>
            {
                var (pattern, methods) = (e.Pattern, e.Methods);
                var accepts = e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes);
                var antiforgery = e.Metadata.GetMetadata<IAntiforgeryMetadata>();
                var isForm = e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                    || antiforgery is not null
                    || accepts.Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                        || t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));
                var requires = antiforgery?.RequiresValidation == true;
                return (methods is null ? ["ANY"] : methods.Where(m => UnsafeMethods.Contains(m, StringComparer.OrdinalIgnoreCase)))
                    .Select(m => new UnsafeEndpoint(m.ToUpperInvariant(), pattern, isForm, requires));
            })
            .DistinctBy(e => (e.Method, e.Pattern))
            .ToList();
    }

    /// <summary>The form endpoints alone.</summary>
    public static List<UnsafeEndpoint> Forms(DashboardAppFactory app) => Unsafe(app).Where(e => e.IsForm).ToList();

    /// <summary>A path for the route pattern: the demo camera, Alice's account, a kill switch that does not exist.</summary>
    public static string FillRoute(string pattern, Guid alice) =>
        RouteParameter().Replace(pattern, m => m.Groups["name"].Value.ToLowerInvariant() switch
        {
            "serial" => "DEMO-CAM-0001",
            "id" when pattern.Contains("/kill-switches/", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            "id" or "account" => alice.ToString(),
            "integration" => "google-assistant",
            var name => throw new ShouldAssertException($"No sample value for route parameter {name} in {pattern}: add one."),
        });

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
