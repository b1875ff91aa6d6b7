using Dashboard.Core.KillSwitches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class BlastRadiusExposureConfiguration : IEntityTypeConfiguration<BlastRadiusExposure>
{
    public void Configure(EntityTypeBuilder<BlastRadiusExposure> b)
    {
        b.ToTable("blast_radius_exposures");
        b.HasKey(r => new { r.LinkId, r.DeviceId });
        // The triggers rebuild a device's rows when its owner or columns change; the key serves a link's.
        b.HasIndex(r => r.DeviceId);
        // Same lengths as the source columns, so a copy never fails where the original was accepted.
        b.Property(r => r.Model).HasMaxLength(120);
        b.Property(r => r.Firmware).HasMaxLength(64);
        b.Property(r => r.Region).HasMaxLength(16);
        b.Property(r => r.Serial).HasMaxLength(64);
        // No foreign keys: the triggers keep it consistent, and checking keys would double the bulk seed's work here.
    }
}
