using Dashboard.Web.Auth;
using Dashboard.Web.Seeding;

namespace Dashboard.Web.Hosting;

/// <summary>A one-shot command run instead of the web server: <c>create-admin</c>, <c>seed</c>.</summary>
public interface IHostCommand
{
    Task<int> RunAsync(IServiceProvider services);
}

public static class HostCommands
{
    public static IHostCommand? Parse(string[] args) => args.FirstOrDefault() switch
    {
        "create-admin" => CreateAdminCommand.Parse(args[1..]),
        "seed" => SeedCommand.Parse(args[1..]),
        _ => null,
    };
}
