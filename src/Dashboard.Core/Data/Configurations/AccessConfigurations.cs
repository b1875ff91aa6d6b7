using Dashboard.Core.Access;
using Dashboard.Core.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class PolicyRevisionConfiguration : IEntityTypeConfiguration<PolicyRevision>
{
    public void Configure(EntityTypeBuilder<PolicyRevision> b)
    {
        b.ToTable("policy_revision", t => t.HasCheckConstraint("ck_policy_revision_singleton", "id = 1"));
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasData(new PolicyRevision { Id = PolicyRevision.SingletonId, Value = 0 });
    }
}

internal sealed class EnforcementPointConfiguration : IEntityTypeConfiguration<EnforcementPoint>
{
    public void Configure(EntityTypeBuilder<EnforcementPoint> b)
    {
        b.ToTable("enforcement_points");
        b.HasKey(p => p.InstanceId);
        b.Property(p => p.InstanceId).HasMaxLength(64);
        b.Property(p => p.Host).HasMaxLength(200);
    }
}

internal sealed class NotOwnerDecisionConfiguration : IEntityTypeConfiguration<NotOwnerDecision>
{
    public void Configure(EntityTypeBuilder<NotOwnerDecision> b)
    {
        b.ToTable("not_owner_decisions");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).UseIdentityAlwaysColumn();
        b.Property(d => d.DecisionId).HasMaxLength(64);
        b.Property(d => d.DeviceSerial).HasMaxLength(64);
        b.Property(d => d.Action).HasMaxLength(16);
        b.Property(d => d.CorrelationId).HasMaxLength(CorrelationId.MaxLength);
        b.HasIndex(d => new { d.IntegrationId, d.At });
        b.HasIndex(d => d.At);
        // The device page's latest not_owner requests for one serial, newest first.
        b.HasIndex(d => new { d.DeviceSerial, d.At });
    }
}

internal sealed class DecisionCounterConfiguration : IEntityTypeConfiguration<DecisionCounter>
{
    public void Configure(EntityTypeBuilder<DecisionCounter> b)
    {
        b.ToTable("decision_counters");
        b.HasKey(c => new { c.Minute, c.IntegrationId, c.Reason });
        b.Property(c => c.Reason).HasMaxLength(32);
    }
}

internal sealed class DeviceDecisionCountConfiguration : IEntityTypeConfiguration<DeviceDecisionCount>
{
    public void Configure(EntityTypeBuilder<DeviceDecisionCount> b)
    {
        b.ToTable("device_decision_counts");
        // Account first, then minute: the activity list reads one account's rows newest first from this key alone.
        b.HasKey(c => new { c.AccountId, c.Minute, c.IntegrationId, c.DeviceSerial, c.Action, c.Decision, c.Reason });
        b.Property(c => c.DeviceSerial).HasMaxLength(64);
        b.Property(c => c.Action).HasMaxLength(16);
        b.Property(c => c.Decision).HasMaxLength(8);
        b.Property(c => c.Reason).HasMaxLength(32);
    }
}
