using Dashboard.Core.Accounts;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Integrations;

/// <summary>Rows for the admin read models, each test on a database of its own (ledger tables refuse TRUNCATE).</summary>
internal sealed class AdminFleet(string connectionString) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(connectionString);

    public static Account Account(string email) => new()
    {
        Id = Guid.NewGuid(), Email = email, DisplayName = email, Region = "EU", CreatedAt = DateTime.UtcNow,
    };

    public static Integration Integration(string key, IntegrationKind kind) => new()
    {
        Id = Guid.NewGuid(), Key = key, Name = key.ToUpperInvariant(), Kind = kind, CreatedAt = DateTime.UtcNow,
    };

    public static Device Device(string serial, Account? owner) => new()
    {
        Id = Guid.NewGuid(),
        Serial = serial,
        Mac = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..6]),
        Model = "Cam A",
        Firmware = "1.0",
        Region = "EU",
        OwnerId = owner?.Id,
        CreatedAt = DateTime.UtcNow,
    };

    public static AccountLink Link(Account account, Integration integration, LinkStatus status = LinkStatus.Active) => new()
    {
        Id = Guid.NewGuid(), AccountId = account.Id, IntegrationId = integration.Id, Status = status, LinkedAt = DateTime.UtcNow,
    };

    public static DeviceExposure Exposure(AccountLink link, Device device) => new()
    {
        LinkId = link.Id, DeviceId = device.Id, CreatedAt = DateTime.UtcNow,
    };

    public static DashboardUser User(string email) => new() { Id = Guid.NewGuid().ToString(), Email = email, UserName = email };

    public static KillSwitch Switch(KillSwitchScope scope, string firedBy, DateTime at, string reason = "test") => new()
    {
        Id = Guid.NewGuid(), Scope = scope, Reason = reason, ActivatedBy = firedBy, ActivatedAt = at, Revision = 1,
    };
}
