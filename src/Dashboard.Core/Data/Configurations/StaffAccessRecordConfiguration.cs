using Dashboard.Core.Observability;
using Dashboard.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class StaffAccessRecordConfiguration : IEntityTypeConfiguration<StaffAccessRecord>
{
    public void Configure(EntityTypeBuilder<StaffAccessRecord> b)
    {
        b.ToTable("staff_access_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.StaffUserId).HasMaxLength(450);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.DeviceSerial).HasMaxLength(64);
        b.Property(r => r.ExportFilter).HasMaxLength(StaffAccess.MaxExportFilterLength);
        b.Property(r => r.Reason).HasMaxLength(StaffAccess.MaxReasonLength);
        b.Property(r => r.CorrelationId).HasMaxLength(CorrelationId.MaxLength);
        // The customer's list: one account's records, newest first. No foreign keys: a record outlives what it names.
        b.HasIndex(r => new { r.AccountId, r.At });
    }
}
