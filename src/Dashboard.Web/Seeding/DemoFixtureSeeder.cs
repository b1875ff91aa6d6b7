using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.Observability;
using Dashboard.Core.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Seeding;

/// <summary>What one run of the demo fixture inserted (all zero when everything was already there).</summary>
public sealed record DemoFixtureCounts
{
    public int Roles { get; set; }
    public int Users { get; set; }
    public int Accounts { get; set; }
    public int ApiTokens { get; set; }
    public int Integrations { get; set; }
    public int BridgeKeys { get; set; }
    public int Devices { get; set; }
    public int OwnershipEvents { get; set; }
    public int Links { get; set; }
    public int Exposures { get; set; }

    public int Total => Roles + Users + Accounts + ApiTokens + Integrations + BridgeKeys + Devices + OwnershipEvents + Links + Exposures;
}

/// <summary>
/// Seeds the Development demo fixture of the contract, in one transaction with one audit entry. Only what is
/// missing is inserted, looked up by natural key (role name, email, serial, integration key, secret hash).
/// What hangs off a row is created with that row only: a role membership with its user, a claimed event with
/// its device, exposures with their link. So a later change is never reverted: a device transferred away, a
/// link revoked or an exposure turned off stays that way when the app restarts.
/// </summary>
public sealed class DemoFixtureSeeder(IServiceScopeFactory scopes, AuditLog audit, ChangeNotifier notifier, TimeProvider clock)
{
    public const string Reason = "Development demo fixture";

    public async Task<DemoFixtureCounts> SeedAsync(CancellationToken ct = default)
    {
        using var activity = DashboardActivities.Start(DashboardActivities.SeedDemoFixture);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Identity's stores use the scoped context: the transaction begun on it covers users and roles too.
        var db = services.GetRequiredService<DashboardDbContext>();
        var run = new Run(db, services.GetRequiredService<UserManager<DashboardUser>>(),
            services.GetRequiredService<RoleManager<IdentityRole>>(), clock.GetUtcNow().UtcDateTime, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FleetBulkLoader.SeedLockKey})", ct);
        await run.RolesAsync();
        await run.IntegrationsAsync();
        await run.AccountsAsync();
        await run.UsersAsync();
        await run.DevicesAsync();
        await run.LinksAsync();

        if (run.Inserted.Total > 0)
        {
            await audit.AppendAsync(db, new AuditRecord(
                AuditLog.System, "demo_fixture.seeded", "demo_fixture", "development", Reason, run.Inserted), ct);
            // Integrations, links and owners at once: every instance reloads its catalog and flushes its cache.
            await notifier.BumpAndNotifyAsync(db, PolicyChange.Everything, ct);
        }
        await transaction.CommitAsync(ct);
        activity?.SetTag("dashboard.seed.rows", run.Inserted.Total);
        return run.Inserted;
    }

    private sealed class Run(
        DashboardDbContext db, UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, DateTime now, CancellationToken ct)
    {
        public DemoFixtureCounts Inserted { get; } = new();

        public async Task RolesAsync()
        {
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
                    Inserted.Roles++;
                }
            }
        }

        public async Task IntegrationsAsync()
        {
            foreach (var demo in DemoFixture.Integrations)
            {
                var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Key == demo.Key, ct);
                if (integration is null)
                {
                    integration = new Integration
                    {
                        Id = Guid.CreateVersion7(),
                        Key = demo.Key,
                        Name = demo.Name,
                        Kind = demo.Kind,
                        Actions = AccessActions.All,
                        CreatedAt = now,
                    };
                    db.Integrations.Add(integration);
                    Inserted.Integrations++;
                }
                var hash = SecretHash.Sha256(demo.BridgeKey);
                if (!await db.BridgeKeys.AnyAsync(k => k.KeyHash == hash, ct))
                {
                    db.BridgeKeys.Add(new BridgeKey
                    {
                        Id = Guid.CreateVersion7(),
                        IntegrationId = integration.Id,
                        KeyHash = hash,
                        Prefix = SecretHash.DisplayPrefix(demo.BridgeKey),
                        CreatedAt = now,
                    });
                    Inserted.BridgeKeys++;
                }
                await db.SaveChangesAsync(ct);
            }
        }

        public async Task AccountsAsync()
        {
            foreach (var customer in DemoFixture.Customers)
            {
                var email = Account.CanonicalEmail(customer.Email);
                if (!await db.Accounts.AnyAsync(a => a.Email == email, ct))
                {
                    db.Accounts.Add(new Account
                    {
                        Id = Guid.CreateVersion7(),
                        Email = email,
                        DisplayName = customer.DisplayName,
                        Region = customer.AccountRegion!,
                        Status = AccountStatus.Active,
                        CreatedAt = now - DemoFixture.ClaimAge,
                    });
                    Inserted.Accounts++;
                }
            }
            await db.SaveChangesAsync(ct);
        }

        public async Task UsersAsync()
        {
            foreach (var demo in DemoFixture.Users)
            {
                var user = await users.FindByEmailAsync(demo.Email);
                if (user is null)
                {
                    user = new DashboardUser
                    {
                        UserName = demo.Email,
                        Email = demo.Email,
                        EmailConfirmed = true,
                        DisplayName = demo.DisplayName,
                        AccountId = demo.AccountRegion is null ? null : await AccountIdAsync(demo.Email),
                    };
                    Check(await users.CreateAsync(user, WellKnownDemoSecrets.Password), $"user {demo.Email}");
                    Check(await users.AddToRoleAsync(user, demo.Role), $"role of {demo.Email}");
                    Inserted.Users++;
                }
                if (demo.ApiToken is { } token)
                {
                    await StaffTokenAsync(user, token);
                }
            }
        }

        public async Task DevicesAsync()
        {
            foreach (var demo in DemoFixture.Devices)
            {
                if (await db.Devices.AnyAsync(d => d.Serial == demo.Serial, ct))
                {
                    continue;
                }
                var owner = demo.OwnerEmail is null ? null : await AccountIdAsync(demo.OwnerEmail);
                var device = new Device
                {
                    Id = Guid.CreateVersion7(),
                    Serial = demo.Serial,
                    Mac = demo.Mac,
                    Model = demo.Model,
                    Firmware = demo.Firmware,
                    Region = demo.Region,
                    Status = DeviceStatus.Active,
                    OwnerId = owner,
                    OwnershipVersion = owner is null ? 0 : 1,
                    CreatedAt = now - DemoFixture.ClaimAge,
                };
                db.Devices.Add(device);
                Inserted.Devices++;
                if (owner is not null)
                {
                    db.OwnershipEvents.Add(new OwnershipEvent
                    {
                        DeviceId = device.Id,
                        Kind = OwnershipEventKind.Claimed,
                        ToAccountId = owner,
                        ActorLabel = AuditLog.System,
                        Reason = Reason,
                        At = now - DemoFixture.ClaimAge,
                    });
                    Inserted.OwnershipEvents++;
                }
            }
            await db.SaveChangesAsync(ct);
        }

        public async Task LinksAsync()
        {
            foreach (var demo in DemoFixture.Links)
            {
                var account = await AccountIdAsync(demo.OwnerEmail);
                var integration = await db.Integrations.Where(i => i.Key == demo.IntegrationKey).Select(i => i.Id).SingleAsync(ct);
                // Any link, revoked included, means the fixture's link was made once: never make it again.
                if (account is null || await db.AccountLinks.AnyAsync(l => l.AccountId == account && l.IntegrationId == integration, ct))
                {
                    continue;
                }
                var link = new AccountLink
                {
                    Id = Guid.CreateVersion7(),
                    AccountId = account.Value,
                    IntegrationId = integration,
                    Status = LinkStatus.Active,
                    LinkedAt = now - DemoFixture.LinkAge,
                    GrantedActions = AccessActions.All,
                };
                db.AccountLinks.Add(link);
                Inserted.Links++;
                var exposed = await db.Devices
                    .Where(d => demo.ExposedSerials.Contains(d.Serial) && d.OwnerId == account)
                    .Select(d => d.Id)
                    .ToListAsync(ct);
                foreach (var device in exposed)
                {
                    db.DeviceExposures.Add(new DeviceExposure { LinkId = link.Id, DeviceId = device, CreatedAt = link.LinkedAt });
                    Inserted.Exposures++;
                }
            }
            await db.SaveChangesAsync(ct);
        }

        private async Task StaffTokenAsync(DashboardUser user, string token)
        {
            var hash = SecretHash.Sha256(token);
            if (await db.ApiTokens.AnyAsync(t => t.TokenHash == hash, ct))
            {
                return;
            }
            db.ApiTokens.Add(new ApiToken
            {
                Id = Guid.CreateVersion7(),
                UserId = user.Id,
                Name = "Demo token",
                TokenHash = hash,
                Prefix = SecretHash.DisplayPrefix(token),
                CreatedAt = now,
            });
            Inserted.ApiTokens++;
            await db.SaveChangesAsync(ct);
        }

        private async Task<Guid?> AccountIdAsync(string email)
        {
            var canonical = Account.CanonicalEmail(email);
            var ids = await db.Accounts.Where(a => a.Email == canonical).Select(a => a.Id).ToListAsync(ct);
            return ids.Count == 0 ? null : ids[0];
        }

        private static void Check(IdentityResult result, string what)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Seeding the demo {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
