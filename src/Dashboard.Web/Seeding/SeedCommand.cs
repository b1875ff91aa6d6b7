using Dashboard.Web.Hosting;

namespace Dashboard.Web.Seeding;

/// <summary><c>seed --devices N</c>: loads a large generated fleet. STUB: being implemented.</summary>
public sealed class SeedCommand : IHostCommand
{
    public static IHostCommand Parse(string[] args) => new SeedCommand();

    public Task<int> RunAsync(IServiceProvider services) => throw new NotImplementedException();
}
