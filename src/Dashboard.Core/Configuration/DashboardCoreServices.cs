using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Devices.Ownership;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using Dashboard.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Core.Configuration;

/// <summary>The fleet domain's registrations, in one place for every host (the app, its commands, tests).</summary>
public static class DashboardCoreServices
{
    /// <summary>
    /// The database, the clock, the audit log, the policy revision bump and the queries: everything that needs no more
    /// than the database. The services that change decisions also wait for propagation, so they are registered with
    /// the decision path (<see cref="AddDashboardDecisionChanges"/>).
    /// </summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services, Action<DbContextOptionsBuilder> configureDatabase)
    {
        services.AddDbContextFactory<DashboardDbContext>(configureDatabase);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ChangeNotifier>();
        services.TryAddScoped<DemoCredentialScanner>();
        services.TryAddSingleton<ApiTokenService>();

        services.TryAddSingleton<DeviceSearch>();
        services.TryAddSingleton<AccountSearch>();
        services.TryAddSingleton<AccountOverview>();
        services.TryAddSingleton<OwnershipHistory>();
        services.TryAddSingleton<DeviceSignals>();
        services.TryAddSingleton<AuditSearch>();
        services.TryAddSingleton<AuditNames>();
        services.TryAddSingleton<AuditChainCheck>();
        services.TryAddSingleton<FleetList>();
        services.TryAddSingleton<FleetOverview>();
        services.TryAddSingleton<KillSwitchHistory>();
        services.TryAddSingleton<ScopeSubjects>();
        services.TryAddSingleton<IntegrationStatusBoard>();
        services.TryAddSingleton<LinkQueries>();
        services.TryAddSingleton<StaffAccessLog>();
        services.TryAddSingleton<CustomerDataExport>();
        return services;
    }

    /// <summary>The services that change what is decided and return once every enforcement point applied it.</summary>
    public static IServiceCollection AddDashboardDecisionChanges(this IServiceCollection services)
    {
        services.TryAddSingleton<KillSwitchService>();
        services.TryAddSingleton<OwnershipService>();
        services.TryAddSingleton<AccountLockService>();
        services.TryAddSingleton<LinkService>();
        services.TryAddSingleton<IntegrationCatalog>();
        services.TryAddSingleton<EffectiveAccess>();
        // Erasure ends the account's links, so it waits for propagation like the other changes.
        services.AddPersonalDataErasure();
        return services;
    }
}
