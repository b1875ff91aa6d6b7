using Dashboard.Core.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>The one way settings are bound and checked: bound from their section, validated when the host starts.</summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, IValidatedOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, Validator<T>>());
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    private sealed class Validator<T> : IValidateOptions<T> where T : class, IValidatedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
