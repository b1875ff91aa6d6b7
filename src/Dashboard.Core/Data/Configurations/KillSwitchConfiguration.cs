using System.Text.Json;
using Dashboard.Core.KillSwitches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class KillSwitchConfiguration : IEntityTypeConfiguration<KillSwitch>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<KillSwitch> b)
    {
        b.ToTable("kill_switches");
        b.HasKey(k => k.Id);
        b.Ignore(k => k.Status);
        b.Ignore(k => k.Denies);
        b.Property(k => k.Scope)
            .HasColumnType("jsonb")
            .HasConversion(
                s => JsonSerializer.Serialize(s, Json),
                s => JsonSerializer.Deserialize<KillSwitchScope>(s, Json)!,
                new ValueComparer<KillSwitchScope>(
                    (l, r) => JsonSerializer.Serialize(l, Json) == JsonSerializer.Serialize(r, Json),
                    s => JsonSerializer.Serialize(s, Json).GetHashCode(StringComparison.Ordinal),
                    s => s));
        b.Property(k => k.Reason).HasMaxLength(2000);
        b.Property(k => k.Incident).HasMaxLength(200);
        b.Property(k => k.LiftReason).HasMaxLength(2000);
        b.Property(k => k.ActivatedBy).HasMaxLength(450);
        b.Property(k => k.LiftRequestedBy).HasMaxLength(450);
        b.Property(k => k.LiftApprovedBy).HasMaxLength(450);
        // Every instance loads the switches that still deny; keep that read small.
        b.HasIndex(k => k.ActivatedAt).HasFilter("lift_approved_at IS NULL").HasDatabaseName("ix_kill_switches_denying");
        b.HasIndex(k => k.ActivatedAt);
    }
}
