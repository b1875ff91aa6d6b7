using Dashboard.Core.Privacy.Erasers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Core.Privacy;

public static class PrivacyServices
{
    /// <summary>
    /// The erasure and its erasers, in the order they run (they share the identifiers read before the first runs). This list is the one place a table holding personal data
    /// is made erasable: add its <see cref="IPersonalDataEraser"/> here.
    /// </summary>
    public static IServiceCollection AddPersonalDataErasure(this IServiceCollection services)
    {
        services.TryAddSingleton<AccountErasure>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, FreeTextEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, AuditReasonEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, IdentityUserEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, AccountRowEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataEraser, StaffAccessRecordEraser>());
        return services;
    }
}
