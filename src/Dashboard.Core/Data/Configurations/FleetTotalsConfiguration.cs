using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class FleetTotalsConfiguration : IEntityTypeConfiguration<FleetTotals>
{
    public void Configure(EntityTypeBuilder<FleetTotals> b)
    {
        b.ToTable("fleet_totals", t =>
        {
            t.HasCheckConstraint("ck_fleet_totals_singleton", "id = 1");
            t.HasCheckConstraint("ck_fleet_totals_devices_non_negative", "devices >= 0");
        });
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        // The migration sets the real count after inserting this row (existing databases already have devices).
        b.HasData(new FleetTotals { Id = FleetTotals.SingletonId, Devices = 0 });
    }
}
