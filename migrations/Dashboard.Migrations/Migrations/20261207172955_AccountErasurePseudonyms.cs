using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AccountErasurePseudonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reason_digest",
                table: "audit_entries",
                type: "character varying(71)",
                maxLength: 71,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "reason_salt",
                table: "audit_entries",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "erased_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql(ErasureUpdates.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ErasureUpdates.Drop);

            migrationBuilder.DropColumn(
                name: "reason_digest",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "reason_salt",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "accounts");
        }
    }
}
