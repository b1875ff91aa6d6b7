using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Audit;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.IntegrationTests.KillSwitches.Radius;

internal static class RadiusService
{
    /// <summary>The app's kill switch service over a test database, for previews: the propagation parts are never reached.</summary>
    public static KillSwitchService Over(DatabaseFixture database)
    {
        var options = new AccessOptions();
        var access = new AccessDatabase(database.ConnectionString, options, new InstanceIdentity());
        return new KillSwitchService(
            database, new AuditLog(TimeProvider.System), new ChangeNotifier(),
            new PropagationWaiter(access, Options.Create(options), TimeProvider.System), TimeProvider.System);
    }
}
