using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <summary>
    /// During an erasure the append-only tables let updates through to their row triggers (decision 0029); this one
    /// limits staff access records to a rewrite of the text staff typed (reason, export filter). Literal SQL, so this
    /// migration never changes after it has run somewhere.
    /// </summary>
    public partial class StaffAccessRecordErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION allow_only_erasure_of_staff_access_text() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF (NEW.id, NEW.at, NEW.staff_user_id, NEW.kind, NEW.channel, NEW.account_id, NEW.device_serial,
                        NEW.correlation_id)
                       IS NOT DISTINCT FROM
                       (OLD.id, OLD.at, OLD.staff_user_id, OLD.kind, OLD.channel, OLD.account_id, OLD.device_serial,
                        OLD.correlation_id) THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'UPDATE on staff_access_records refused: the table is append-only'
                        USING ERRCODE = 'restrict_violation',
                              HINT = 'Erasure may only rewrite the reason and export filter of an access record.';
                END;
                $$;

                CREATE TRIGGER staff_access_records_erasure_only
                    BEFORE UPDATE ON staff_access_records
                    FOR EACH ROW EXECUTE FUNCTION allow_only_erasure_of_staff_access_text();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS staff_access_records_erasure_only ON staff_access_records;
                DROP FUNCTION IF EXISTS allow_only_erasure_of_staff_access_text();
                """);
        }
    }
}
