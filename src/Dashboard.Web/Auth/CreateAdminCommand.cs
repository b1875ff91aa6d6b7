using Dashboard.Web.Hosting;

namespace Dashboard.Web.Auth;

/// <summary><c>create-admin --email X</c>: the way in outside Development. STUB: being implemented.</summary>
public sealed class CreateAdminCommand : IHostCommand
{
    public static IHostCommand Parse(string[] args) => new CreateAdminCommand();

    public Task<int> RunAsync(IServiceProvider services) => throw new NotImplementedException();
}
