using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Auth;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using Dashboard.Core.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Data;

/// <summary>
/// The fleet's tables, Identity's, and the ASP.NET Data Protection key ring (<see cref="IDataProtectionKeyContext"/>),
/// so every instance reads the sign-in cookies and antiforgery tokens another issued.
/// </summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<DashboardUser>(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<FleetTotals> FleetTotals => Set<FleetTotals>();
    public DbSet<OwnershipEvent> OwnershipEvents => Set<OwnershipEvent>();
    public DbSet<Integration> Integrations => Set<Integration>();
    public DbSet<BridgeKey> BridgeKeys => Set<BridgeKey>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<DeviceExposure> DeviceExposures => Set<DeviceExposure>();
    public DbSet<KillSwitch> KillSwitches => Set<KillSwitch>();
    public DbSet<BlastRadiusExposure> BlastRadiusExposures => Set<BlastRadiusExposure>();
    public DbSet<PolicyRevision> PolicyRevisions => Set<PolicyRevision>();
    public DbSet<EnforcementPoint> EnforcementPoints => Set<EnforcementPoint>();
    public DbSet<NotOwnerDecision> NotOwnerDecisions => Set<NotOwnerDecision>();
    public DbSet<DecisionCounter> DecisionCounters => Set<DecisionCounter>();
    public DbSet<DeviceDecisionCount> DeviceDecisionCounts => Set<DeviceDecisionCount>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StaffAccessRecord> StaffAccessRecords => Set<StaffAccessRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
