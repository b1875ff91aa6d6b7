using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FleetListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_devices_firmware_serial",
                table: "devices",
                columns: new[] { "firmware", "serial" })
                .Annotation("Npgsql:IndexOperators", new[] { null, "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_model_serial",
                table: "devices",
                columns: new[] { "model", "serial" })
                .Annotation("Npgsql:IndexOperators", new[] { null, "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_status_serial",
                table: "devices",
                columns: new[] { "status", "serial" },
                filter: "status <> 'Active'")
                .Annotation("Npgsql:IndexOperators", new[] { null, "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_firmware_serial",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_model_serial",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_status_serial",
                table: "devices");
        }
    }
}
