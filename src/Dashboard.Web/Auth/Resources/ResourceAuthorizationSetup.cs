using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using System.Security.Claims;

namespace Dashboard.Web.Auth.Resources;

/// <summary>
/// One handler per resource, each judging only its own requirement type. Role policies (<see cref="Policies"/>) still
/// decide who may reach an endpoint or page at all; these decide what the caller may do to the resource it names.
/// </summary>
public static class ResourceAuthorizationSetup
{
    public static IServiceCollection AddResourceAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, DeviceAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, AccountAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, LinkAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, KillSwitchAuthorizationHandler>();
        // Incidents: IncidentOperations, IncidentResource and IncidentAuthorizationHandler go here, next to the others;
        // the authorization matrix then asks for a row per incident operation.
        services.AddSingleton<ResourceFacts>();
        services.AddScoped<ResourceGuard>();
        return services;
    }

    /// <summary>The names of <paramref name="operations"/> the caller may perform on <paramref name="resource"/>, for a page's buttons.</summary>
    public static async Task<IReadOnlySet<string>> AllowedAsync<TOperation>(
        this IAuthorizationService authorization, ClaimsPrincipal user, object resource, IEnumerable<TOperation> operations)
        where TOperation : OperationAuthorizationRequirement
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if ((await authorization.AuthorizeAsync(user, resource, operation)).Succeeded)
            {
                allowed.Add(operation.Name);
            }
        }
        return allowed;
    }
}
