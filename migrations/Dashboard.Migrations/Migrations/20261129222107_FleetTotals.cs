using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FleetTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fleet_totals",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    devices = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fleet_totals", x => x.id);
                    table.CheckConstraint("ck_fleet_totals_devices_non_negative", "devices >= 0");
                    table.CheckConstraint("ck_fleet_totals_singleton", "id = 1");
                });

            migrationBuilder.InsertData(
                table: "fleet_totals",
                columns: new[] { "id", "devices" },
                values: new object[] { 1, 0L });

            migrationBuilder.Sql(FleetTotalsTriggers.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FleetTotalsTriggers.Drop);

            migrationBuilder.DropTable(
                name: "fleet_totals");
        }
    }
}
