using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Access;

/// <summary>An integration a test created, with the bridge key to call as it.</summary>
internal sealed record TestIntegration(Guid Id, string Key, string BridgeKey);

/// <summary>
/// Arranges accounts, devices, integrations, links and exposures of a test's own (unique names, so tests sharing a
/// database never see each other's rows), and commits changes the way the product's writers do.
/// </summary>
internal sealed class AccessWorld(Func<DashboardDbContext> contexts, Func<Task> bridgeKeysChanged)
{
    private static readonly ChangeNotifier Notifier = new();

    public static string NewSerial() => "T-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public async Task<TestIntegration> AddIntegrationAsync(IntegrationKind kind = IntegrationKind.Assistant)
    {
        var key = "test-" + Guid.NewGuid().ToString("N")[..10];
        var secret = "test-bridge-" + Guid.NewGuid().ToString("N");
        var integration = new Integration { Id = Guid.NewGuid(), Key = key, Name = key, Kind = kind, CreatedAt = DateTime.UtcNow };
        await ChangeAsync(PolicyChange.ForIntegrations(integration.Id), db =>
        {
            db.Integrations.Add(integration);
            db.BridgeKeys.Add(new BridgeKey
            {
                Id = Guid.NewGuid(),
                IntegrationId = integration.Id,
                KeyHash = SecretHash.Sha256(secret),
                Prefix = SecretHash.DisplayPrefix(secret),
                CreatedAt = DateTime.UtcNow,
            });
            return Task.CompletedTask;
        });
        // As the product does after issuing a key: the app's in-memory key directory is reloaded at once.
        await bridgeKeysChanged();
        return new TestIntegration(integration.Id, key, secret);
    }

    public async Task<Guid> AddAccountAsync()
    {
        var id = Guid.NewGuid();
        await ChangeAsync(PolicyChange.ForAccounts(id), db =>
        {
            db.Accounts.Add(new Account
            {
                Id = id,
                Email = $"{id:N}@access.test",
                DisplayName = "Test",
                Region = "EU",
                CreatedAt = DateTime.UtcNow,
            });
            return Task.CompletedTask;
        });
        return id;
    }

    /// <summary>A device owned by <paramref name="owner"/>, linked and exposed to each of <paramref name="exposedTo"/>.</summary>
    public async Task<string> AddDeviceAsync(Guid? owner, params TestIntegration[] exposedTo)
    {
        var serial = NewSerial();
        var device = new Device
        {
            Id = Guid.NewGuid(),
            Serial = serial,
            Mac = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            Model = "Test Camera",
            Firmware = "1.0",
            Region = "EU",
            OwnerId = owner,
            CreatedAt = DateTime.UtcNow,
        };
        await ChangeAsync(PolicyChange.ForDevices(serial), async db =>
        {
            db.Devices.Add(device);
            foreach (var integration in exposedTo)
            {
                var link = await LinkAsync(db, owner!.Value, integration.Id);
                db.DeviceExposures.Add(new DeviceExposure { LinkId = link, DeviceId = device.Id, CreatedAt = DateTime.UtcNow });
            }
        });
        return serial;
    }

    /// <summary>Commits <paramref name="change"/> with the revision bumped and the change notified, as writers do.</summary>
    public Task<long> ChangeAsync(PolicyChange notified, Func<DashboardDbContext, Task> change) =>
        CommitAsync(change, db => Notifier.BumpAndNotifyAsync(db, notified));

    /// <summary>Commits with the revision bumped but no notification: a lost NOTIFY, as the heartbeat must cope with.</summary>
    public Task<long> ChangeWithoutNotifyingAsync(Func<DashboardDbContext, Task> change) =>
        CommitAsync(change, db => PolicyRevisions.BumpAsync(db));

    public async Task RemoveExposureAsync(DashboardDbContext db, string serial)
    {
        var device = await db.Devices.SingleAsync(d => d.Serial == serial);
        await db.DeviceExposures.Where(e => e.DeviceId == device.Id).ExecuteDeleteAsync();
    }

    private async Task<long> CommitAsync(Func<DashboardDbContext, Task> change, Func<DashboardDbContext, Task<long>> bump)
    {
        await using var db = contexts();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await change(db);
        await db.SaveChangesAsync();
        var revision = await bump(db);
        await transaction.CommitAsync();
        return revision;
    }

    private static async Task<Guid> LinkAsync(DashboardDbContext db, Guid account, Guid integration)
    {
        var existing = await db.AccountLinks
            .Where(l => l.AccountId == account && l.IntegrationId == integration && l.Status == LinkStatus.Active)
            .Select(l => (Guid?)l.Id)
            .SingleOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }
        var link = new AccountLink
        {
            Id = Guid.NewGuid(),
            AccountId = account,
            IntegrationId = integration,
            LinkedAt = DateTime.UtcNow,
            GrantedActions = AccessActions.All,
        };
        db.AccountLinks.Add(link);
        return link.Id;
    }
}
