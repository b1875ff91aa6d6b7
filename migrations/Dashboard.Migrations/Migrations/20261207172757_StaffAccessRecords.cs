using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class StaffAccessRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_access_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    staff_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    device_serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    export_filter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_access_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_access_records_account_id_at",
                table: "staff_access_records",
                columns: new[] { "account_id", "at" });

            // Append-only like the audit log (the function comes from the initial migration). Literal SQL, so this
            // migration never changes after it has run somewhere.
            migrationBuilder.Sql("""
                CREATE TRIGGER staff_access_records_append_only
                    BEFORE UPDATE OR DELETE OR TRUNCATE ON staff_access_records
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS staff_access_records_append_only ON staff_access_records;");
            migrationBuilder.DropTable(
                name: "staff_access_records");
        }
    }
}
