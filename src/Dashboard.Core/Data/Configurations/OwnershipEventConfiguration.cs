using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class OwnershipEventConfiguration : IEntityTypeConfiguration<OwnershipEvent>
{
    public void Configure(EntityTypeBuilder<OwnershipEvent> b)
    {
        b.ToTable("ownership_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.ActorLabel).HasMaxLength(320);
        b.Property(e => e.Reason).HasMaxLength(1000);
        // Timeline and "owner at T" both read one device's events in time order.
        b.HasIndex(e => new { e.DeviceId, e.At, e.Id });
        b.HasOne<Device>().WithMany().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.FromAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.ToAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
