using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class DeviceExposureConfiguration : IEntityTypeConfiguration<DeviceExposure>
{
    public void Configure(EntityTypeBuilder<DeviceExposure> b)
    {
        b.ToTable("device_exposures");
        b.HasKey(e => new { e.LinkId, e.DeviceId });
        b.HasIndex(e => e.DeviceId);
        b.HasOne<AccountLink>().WithMany().HasForeignKey(e => e.LinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Device>().WithMany().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}
