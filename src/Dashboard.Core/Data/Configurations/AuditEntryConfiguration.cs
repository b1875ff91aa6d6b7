using Dashboard.Core.Audit;
using Dashboard.Core.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Id);
        // Ids are assigned by the appender under its lock, so they follow the chain order exactly.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(450);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.ReasonDigest).HasMaxLength(71);
        b.Property(e => e.CorrelationId).HasMaxLength(CorrelationId.MaxLength);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Actor, e.At });
        b.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
