using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class BridgeKeyConfiguration : IEntityTypeConfiguration<BridgeKey>
{
    public void Configure(EntityTypeBuilder<BridgeKey> b)
    {
        b.ToTable("bridge_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.HasOne<Integration>().WithMany().HasForeignKey(k => k.IntegrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
