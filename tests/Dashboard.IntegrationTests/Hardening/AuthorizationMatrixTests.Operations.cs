using System.Reflection;
using System.Security.Claims;
using Dashboard.Core.Auth;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.KillSwitches;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.IntegrationTests.Hardening.AuthorizationMatrixTests.Subject;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>
/// Every named resource operation (found by reflection, so a new one cannot ship without a row), asked of the running
/// app's <see cref="IAuthorizationService"/> by every kind of caller, with the principals the app's own sign-in and
/// bearer handlers issue and the resource facts read from its database. A customer is asked both on their own
/// resource and on another customer's.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>A caller, and whose resource it is asked about.</summary>
    internal enum Subject
    {
        NoOne,
        Bridge,
        AdminByToken,
        AdminBySignIn,
        SecondAdminByToken,
        SupportByToken,
        SupportBySignIn,
        CustomerOnOwn,
        CustomerOnAnothers,
    }

    private static readonly Subject[] StaffSubjects = [AdminByToken, AdminBySignIn, SecondAdminByToken, SupportByToken, SupportBySignIn];

    /// <summary>"Resource.Operation" → who is allowed; every other subject is refused.</summary>
    private static readonly Dictionary<string, Subject[]> OperationPolicies = new(StringComparer.Ordinal)
    {
        ["Device.Read"] = [.. StaffSubjects, CustomerOnOwn],
        ["Device.Claim"] = StaffSubjects,
        ["Device.Transfer"] = StaffSubjects,
        ["Device.Release"] = StaffSubjects,
        ["Account.Read"] = [.. StaffSubjects, CustomerOnOwn],
        ["Account.Lock"] = StaffSubjects,
        ["Account.ReadLinks"] = [.. StaffSubjects, CustomerOnOwn],
        ["Account.RevokeLink"] = StaffSubjects,
        ["Account.Erase"] = [AdminByToken, AdminBySignIn, SecondAdminByToken],
        ["Link.Read"] = [.. StaffSubjects, CustomerOnOwn],
        ["Link.ChangeExposure"] = [CustomerOnOwn],
        ["Link.Unlink"] = [.. StaffSubjects, CustomerOnOwn],
        ["KillSwitch.Read"] = [AdminByToken, AdminBySignIn, SecondAdminByToken],
        ["KillSwitch.Preview"] = [AdminByToken, AdminBySignIn, SecondAdminByToken],
        ["KillSwitch.Fire"] = [AdminByToken, AdminBySignIn, SecondAdminByToken],
        ["KillSwitch.RequestLift"] = [AdminByToken, AdminBySignIn, SecondAdminByToken],
        // The switch's lift was requested by the admin (token and cookie are one user): only the second admin approves.
        ["KillSwitch.ApproveLift"] = [SecondAdminByToken],
    };

    [Fact]
    public async Task EveryResourceOperation_IsAllowedOrRefusedForEachCallerAsTheRulesSay()
    {
        var operations = NamedOperations();
        operations.Count.ShouldBeGreaterThanOrEqualTo(16, "the operation classes were not found");
        var failures = new List<string>();
        failures.AddRange(operations.Keys.Except(OperationPolicies.Keys).Select(o => $"{o}: no entry in the operation policy table"));
        failures.AddRange(OperationPolicies.Keys.Except(operations.Keys).Select(o => $"{o}: in the table but no such operation"));

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var principals = await PrincipalsAsync(services);
        var resources = await ResourcesAsync(services);

        foreach (var (name, operation) in operations.Where(o => OperationPolicies.ContainsKey(o.Key)))
        {
            var kind = name[..name.IndexOf('.', StringComparison.Ordinal)];
            foreach (var subject in Enum.GetValues<Subject>())
            {
                var resource = subject == CustomerOnOwn ? resources[kind].Alices : resources[kind].Bobs;
                var allowed = (await authorization.AuthorizeAsync(principals[subject], resource, operation)).Succeeded;
                var expected = OperationPolicies[name].Contains(subject);
                if (allowed != expected)
                {
                    failures.Add($"{name} as {subject} on {resource}: {(allowed ? "allowed" : "refused")}, expected {(expected ? "allowed" : "refused")}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join('\n', failures));
    }

    /// <summary>"Resource.Operation" → the requirement, for every static requirement in a *Operations class.</summary>
    private static Dictionary<string, OperationAuthorizationRequirement> NamedOperations() =>
        typeof(ResourceGuard).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ResourceGuard).Namespace && t.Name.EndsWith("Operations", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => typeof(OperationAuthorizationRequirement).IsAssignableFrom(f.FieldType))
                .Select(f => (Resource: t.Name[..^"Operations".Length], Requirement: (OperationAuthorizationRequirement)f.GetValue(null)!)))
            .ToDictionary(o => $"{o.Resource}.{o.Requirement.Name}", o => o.Requirement, StringComparer.Ordinal);

    /// <summary>Each subject's principal, made by the app's own handlers: bearer credentials authenticated, cookies' claims issued.</summary>
    private static async Task<Dictionary<Subject, ClaimsPrincipal>> PrincipalsAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        var claims = services.GetRequiredService<IUserClaimsPrincipalFactory<DashboardUser>>();
        async Task<ClaimsPrincipal> Cookie(string email) => await claims.CreateAsync((await users.FindByEmailAsync(email))!);
        async Task<ClaimsPrincipal> Bearer(string scheme, string secret)
        {
            // A scope per request, as the server makes: a scope's authentication handlers answer its first request only.
            await using var request = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = request.ServiceProvider };
            context.Request.Headers.Authorization = "Bearer " + secret;
            var result = await context.AuthenticateAsync(scheme);
            result.Succeeded.ShouldBeTrue($"{scheme} did not accept the demo credential");
            return result.Principal!;
        }

        var alice = await Cookie("alice@demo.test");
        return new Dictionary<Subject, ClaimsPrincipal>
        {
            [NoOne] = new(new ClaimsIdentity()),
            [Bridge] = await Bearer(AuthSchemes.BridgeKey, "dev-bridge-google-assistant"),
            [AdminByToken] = await Bearer(AuthSchemes.StaffToken, KillSwitchApi.AdminToken),
            [AdminBySignIn] = await Cookie("admin@demo.test"),
            [SecondAdminByToken] = await Bearer(AuthSchemes.StaffToken, KillSwitchApi.Admin2Token),
            [SupportByToken] = await Bearer(AuthSchemes.StaffToken, KillSwitchApi.SupportToken),
            [SupportBySignIn] = await Cookie("support@demo.test"),
            [CustomerOnOwn] = alice,
            [CustomerOnAnothers] = alice,
        };
    }

    /// <summary>Per resource kind, alice's and bob's, as the app reads them; one kill switch with a lift the admin requested.</summary>
    private async Task<Dictionary<string, (object Alices, object Bobs)>> ResourcesAsync(IServiceProvider services)
    {
        var facts = services.GetRequiredService<ResourceFacts>();
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        var killSwitch = (await admin.FireAsync(new { integration = "ifttt", actions = new[] { "events" }, devices = new[] { "DEMO-CAM-0004" } })).Id();
        using (var lift = await admin.RequestLiftAsync(killSwitch))
        {
            await lift.JsonAsync(202);
        }
        var pending = (await facts.KillSwitchAsync(killSwitch))!;
        pending.Status.ShouldBe(Core.KillSwitches.KillSwitchStatus.PendingApproval);

        return new Dictionary<string, (object, object)>(StringComparer.Ordinal)
        {
            ["Device"] = ((await facts.DeviceAsync("DEMO-CAM-0001"))!, (await facts.DeviceAsync("DEMO-CAM-0003"))!),
            ["Account"] = (new AccountResource(_alice), new AccountResource(_bob)),
            ["Link"] = (await LinkAsync(_alice, "alexa"), await LinkAsync(_bob, "google-assistant")),
            ["KillSwitch"] = (pending, pending),
        };
    }

    private async Task<LinkResource> LinkAsync(Guid account, string integration)
    {
        await using var db = app.CreateDbContext();
        return await (
            from l in db.AccountLinks
            join i in db.Integrations on l.IntegrationId equals i.Id
            where l.AccountId == account && i.Key == integration && l.Status == LinkStatus.Active
            select new LinkResource(l.Id, l.AccountId, i.Key)).SingleAsync();
    }
}
