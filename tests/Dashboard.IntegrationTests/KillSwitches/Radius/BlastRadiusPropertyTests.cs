using Dashboard.Benchmarks.Scenarios;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Npgsql;

namespace Dashboard.IntegrationTests.KillSwitches.Radius;

/// <summary>
/// The blast radius read from the maintained table against the statement it replaced (PreviousBlastRadiusQuery, which
/// joins the base tables itself) on random fleets in PostgreSQL: after links, exposures, unlinks, grant changes,
/// transfers, releases, lock changes, column changes, removed links and rolled-back steps, with switches denying, both
/// give the same accounts, devices and links for every scope asked; and the table equals the join it stands for.
/// </summary>
public sealed class BlastRadiusPropertyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(100);

    private const string Maintained = """
        SELECT link_id, device_id, account_id, integration_id, granted_actions, model, firmware, region, serial
        FROM blast_radius_exposures
        """;

    private const string Joined = """
        SELECT e.link_id, e.device_id, l.account_id, l.integration_id, l.granted_actions, d.model, d.firmware, d.region, d.serial
        FROM device_exposures e JOIN account_links l ON l.id = e.link_id JOIN devices d ON d.id = e.device_id
        WHERE l.status = 'Active' AND d.owner_id = l.account_id
        """;

    private int _nonEmpty;
    private int _asked;

    [Fact]
    public void Preview_OnRandomFleets_AgreesWithThePreviousStatement()
    {
        Check.One(Runs, Prop.ForAll(RadiusGenerators.Cases.ToArbitrary(), radiusCase =>
            // Off the test's synchronization context: the property is synchronous, the database calls are not.
            Task.Run(() => CheckAsync(radiusCase)).GetAwaiter().GetResult()));

        // Agreement on empty radii alone would prove little: the generators must give counts often (about one in four).
        _nonEmpty.ShouldBeGreaterThan(_asked / 8, $"{_nonEmpty} of {_asked} radii were not empty");
    }

    private async Task CheckAsync(RadiusCase radiusCase)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await radiusCase.Fleet.ArrangeAsync(connection);
        foreach (var step in radiusCase.Fleet.Steps)
        {
            await step.ApplyAsync(connection);
        }
        await ActivateAsync(radiusCase.Active);

        (await RadiusSql.MissingAsync(connection, Joined, Maintained)).ShouldBeEmpty("exposures the table lacks");
        (await RadiusSql.MissingAsync(connection, Maintained, Joined)).ShouldBeEmpty("rows the table holds beyond the join");
        foreach (var asked in radiusCase.Asked)
        {
            var scope = KillSwitchScopes.Canonical(asked);
            var previous = await PreviousAsync(connection, scope);

            var radius = await Service().PreviewAsync(scope);

            (radius.Accounts, radius.Devices, radius.Links).ShouldBe(previous, $"scope {RadiusCase.Describe(scope)}");
            Interlocked.Increment(ref _asked);
            if (radius.Devices > 0)
            {
                Interlocked.Increment(ref _nonEmpty);
            }
        }
    }

    private async Task ActivateAsync(IReadOnlyList<KillSwitchScope> scopes)
    {
        await using var db = database.CreateDbContext();
        db.KillSwitches.AddRange(scopes.Select((scope, n) => new KillSwitch
        {
            Id = Guid.NewGuid(),
            Scope = KillSwitchScopes.Canonical(scope),
            Reason = "property test",
            ActivatedBy = "admin",
            ActivatedAt = DateTime.UtcNow,
            Revision = n + 1,
        }));
        await db.SaveChangesAsync();
    }

    private static async Task<(long, long, long)> PreviousAsync(NpgsqlConnection connection, KillSwitchScope scope)
    {
        await using var command = PreviousBlastRadiusQuery.Build(connection, scope, excludeSwitchId: null);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private KillSwitchService Service() => RadiusService.Over(database);
}
