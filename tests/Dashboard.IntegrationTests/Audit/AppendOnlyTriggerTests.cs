using Dashboard.Core.Audit;
using Npgsql;

namespace Dashboard.IntegrationTests.Audit;

public sealed class AppendOnlyTriggerTests
{
    public static TheoryData<string> RefusedStatements => new()
    {
        "UPDATE audit_entries SET reason = 'rewritten'",
        "DELETE FROM audit_entries",
        "TRUNCATE audit_entries",
        "UPDATE ownership_events SET reason = 'rewritten'",
        "DELETE FROM ownership_events",
        "TRUNCATE ownership_events",
    };

    [Theory]
    [MemberData(nameof(RefusedStatements))]
    public async Task ChangingAppendOnlyTable_EvenAsSuperuser_IsRefused(string statement)
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(3);

        var ex = await Should.ThrowAsync<PostgresException>(() => database.ExecuteAsync(statement));

        ex.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
        ex.MessageText.ShouldContain("append-only");
        (await database.VerifyAsync()).ShouldBe(new AuditVerification(true, 3, null));
    }

    [Fact]
    public async Task InsertingIntoAuditEntries_IsAllowed()
    {
        await using var database = await AuditDatabase.CreateAsync();

        await database.AppendAsync(1);

        (await database.VerifyAsync()).Entries.ShouldBe(1);
    }
}
