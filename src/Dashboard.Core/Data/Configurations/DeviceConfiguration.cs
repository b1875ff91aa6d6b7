using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.ToTable("devices", t =>
        {
            t.HasCheckConstraint("ck_devices_serial_canonical", "serial = upper(btrim(serial))");
            t.HasCheckConstraint("ck_devices_mac_canonical", "mac ~ '^[0-9A-F]{12}$'");
        });
        b.HasKey(d => d.Id);
        b.Property(d => d.Serial).HasMaxLength(64);
        b.Property(d => d.Mac).HasMaxLength(12).IsFixedLength(false);
        b.Property(d => d.Model).HasMaxLength(120);
        b.Property(d => d.Firmware).HasMaxLength(64);
        b.Property(d => d.Region).HasMaxLength(16);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.OwnershipVersion).IsConcurrencyToken();
        b.HasIndex(d => d.Serial).IsUnique().HasOperators("text_pattern_ops");
        b.HasIndex(d => d.Mac).IsUnique().HasOperators("text_pattern_ops");
        b.HasIndex(d => d.OwnerId);
        b.HasIndex(d => new { d.Model, d.Firmware, d.Region });
        // The fleet list filters by model or firmware and orders by serial: walking one of these returns a page
        // in order without sorting, however rare the value (docs/decisions/0010-audit-query-and-exports.md).
        b.HasIndex(d => new { d.Model, d.Serial }).HasOperators(null!, "text_pattern_ops");
        b.HasIndex(d => new { d.Firmware, d.Serial }).HasOperators(null!, "text_pattern_ops");
        // Nearly every device is active: only the others are indexed, which costs almost nothing.
        b.HasIndex(d => new { d.Status, d.Serial }).HasOperators(null!, "text_pattern_ops").HasFilter("status <> 'Active'");
        b.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
