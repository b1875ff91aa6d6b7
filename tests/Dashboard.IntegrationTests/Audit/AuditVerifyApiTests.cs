using Dashboard.Core.Audit;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Npgsql;

namespace Dashboard.IntegrationTests.Audit;

/// <summary>
/// <c>GET /api/v1/audit/verify</c> before and after someone with full database access rewrites a row (every kind of
/// tampering is covered against the verifier itself in <see cref="TamperDetectionTests"/>).
/// </summary>
public sealed class AuditVerifyApiTests(AuditVerifyApiTests.TamperAppFactory app) : IClassFixture<AuditVerifyApiTests.TamperAppFactory>
{
    /// <summary>An app of its own: the test breaks its chain for good.</summary>
    public sealed class TamperAppFactory : DashboardAppFactory;

    [Fact]
    public async Task Verify_IsOkUntilARowIsRewritten_ThenNamesThatRowAndTheProblem()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var db = app.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            await new AuditLog(TimeProvider.System).AppendAsync(db, AuditDatabase.Record(i));
            await tx.CommitAsync();
        }
        using var client = app.CreateClient("dev-support-token");

        var before = await (await client.GetAsync("/api/v1/audit/verify")).JsonAsync();
        before["ok"]!.GetValue<bool>().ShouldBeTrue();
        before["firstBadEntry"].ShouldBeNull();
        var entries = before["entries"]!.GetValue<long>();
        var victim = entries - 1;

        await ExecuteBypassingTriggersAsync($"UPDATE audit_entries SET reason = 'nothing happened' WHERE id = {victim}");

        var after = await (await client.GetAsync("/api/v1/audit/verify")).JsonAsync();
        after["ok"]!.GetValue<bool>().ShouldBeFalse();
        after["entries"]!.GetValue<long>().ShouldBe(entries);
        after["firstBadEntry"].Keys().ShouldBe(["id", "problem"]);
        after["firstBadEntry"]!["id"]!.GetValue<long>().ShouldBe(victim);
        after["firstBadEntry"]!["problem"].Text().ShouldBe(AuditVerifier.HashMismatch);

        // The list still answers (and shows the rewritten row as it now is): staff need it most at this moment.
        var listed = await (await client.GetAsync($"/api/v1/audit?pageSize=500")).JsonAsync();
        listed.Items().Single(e => e["id"]!.GetValue<long>() == victim)["reason"].Text().ShouldBe("nothing happened");
    }

    private async Task ExecuteBypassingTriggersAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var bypass = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await bypass.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
