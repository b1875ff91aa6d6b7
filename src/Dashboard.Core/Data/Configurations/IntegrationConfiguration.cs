using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> b)
    {
        b.ToTable("integrations", t => t.HasCheckConstraint("ck_integrations_key_slug", "key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'"));
        b.HasKey(i => i.Id);
        b.Property(i => i.Key).HasMaxLength(64);
        b.Property(i => i.Name).HasMaxLength(120);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(i => i.Key).IsUnique();
    }
}
