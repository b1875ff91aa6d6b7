using Dashboard.Core.Audit;
using Dashboard.IntegrationTests.Audit;
using Npgsql;

namespace Dashboard.IntegrationTests.Privacy;

/// <summary>
/// The one change the append-only tables accept, and only during an erasure: an audit reason chained by digest may be
/// cleared (and the chain still verifies); anything else stays refused, flag or not.
/// </summary>
public sealed class ErasureTriggerTests
{
    [Fact]
    public async Task DuringErasure_ClearingADigestChainedReason_IsAllowedAndTheChainVerifies()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(3);

        var changed = await ErasingAsync(database, "UPDATE audit_entries SET reason = NULL, reason_salt = NULL WHERE id = 2");

        changed.ShouldBe(1);
        (await database.VerifyAsync()).ShouldBe(new AuditVerification(true, 3, null));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET reason = 'rewritten', reason_salt = NULL WHERE id = 2")]
    [InlineData("UPDATE audit_entries SET reason = NULL WHERE id = 2")]
    [InlineData("UPDATE audit_entries SET reason = NULL, reason_salt = NULL, data = NULL WHERE id = 2")]
    [InlineData("UPDATE audit_entries SET reason = NULL, reason_salt = NULL, actor = 'someone' WHERE id = 2")]
    [InlineData("DELETE FROM audit_entries WHERE id = 3")]
    public async Task DuringErasure_AnyOtherChange_IsRefused(string statement)
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(3);

        var ex = await Should.ThrowAsync<PostgresException>(() => ErasingAsync(database, statement));

        ex.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
        (await database.VerifyAsync()).ShouldBe(new AuditVerification(true, 3, null));
    }

    [Fact]
    public async Task OutsideErasure_ClearingAReason_IsRefused()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(3);

        var ex = await Should.ThrowAsync<PostgresException>(
            () => database.ExecuteAsync("UPDATE audit_entries SET reason = NULL, reason_salt = NULL WHERE id = 2"));

        ex.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
    }

    [Fact]
    public async Task DuringErasure_AReasonChainedAsText_CannotBeCleared()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(3);
        // An entry as they were written before decision 0029: no digest, the reason itself chained.
        await database.ExecuteBypassingTriggersAsync("UPDATE audit_entries SET reason_digest = NULL, reason_salt = NULL WHERE id = 2");

        var ex = await Should.ThrowAsync<PostgresException>(
            () => ErasingAsync(database, "UPDATE audit_entries SET reason = NULL, reason_salt = NULL WHERE id = 2"));

        ex.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
    }

    [Fact]
    public async Task Verify_WhenAReasonOutsideTheChainIsRewritten_ReportsThatEntry()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(3);

        // Reason and salt both replaced, by someone who can switch triggers off: the chained digest no longer matches.
        await database.ExecuteBypassingTriggersAsync(
            "UPDATE audit_entries SET reason = 'nothing happened', reason_salt = '\\x00'::bytea WHERE id = 2");

        (await database.VerifyAsync()).FirstBadEntry.ShouldBe(new AuditChainBreak(2, AuditVerifier.HashMismatch));
    }

    [Fact]
    public async Task DuringErasure_AnAccessRecordsTypedText_MayBeRewritten_ButNothingElse()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.ExecuteAsync("""
            INSERT INTO staff_access_records (at, staff_user_id, kind, channel, account_id, reason)
            VALUES (now(), 'staff-1', 'account', 'api', gen_random_uuid(), 'asked by alice@demo.test')
            """);

        (await ErasingAsync(database, "UPDATE staff_access_records SET reason = 'asked by erased account', export_filter = NULL"))
            .ShouldBe(1);
        foreach (var statement in new[]
        {
            "UPDATE staff_access_records SET account_id = gen_random_uuid()",
            "UPDATE staff_access_records SET staff_user_id = 'someone else'",
            "DELETE FROM staff_access_records",
        })
        {
            (await Should.ThrowAsync<PostgresException>(() => ErasingAsync(database, statement)))
                .SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation, statement);
        }
        (await Should.ThrowAsync<PostgresException>(() => database.ExecuteAsync("UPDATE staff_access_records SET reason = NULL")))
            .SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation, "outside an erasure");
    }

    /// <summary>Runs <paramref name="sql"/> in a transaction with the erasure flag on, as <c>AccountErasure</c> does.</summary>
    private static async Task<int> ErasingAsync(AuditDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var flag = new NpgsqlCommand("SELECT set_config('dashboard.erasure', 'on', true)", connection, transaction))
        {
            await flag.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var changed = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return changed;
    }
}
