using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Seeding;
using Dashboard.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.IntegrationTests.Seeding;

public sealed class FleetBulkLoaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Append_20000Devices_LoadsAConsistentFleetWithOneAuditEntry(bool skipRowTriggers)
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests), chunkSize: 4096, skipRowTriggers);
        await database.AddIntegrationsAsync();
        var progress = new List<FleetLoadProgress>();

        var result = await database.Loader.AppendAsync(20_000, progress.Add);

        result.Range.ShouldBe(new FleetRange(0, 20_000));
        result.Timings.RowTriggersSkipped.ShouldBe(skipRowTriggers);
        var counts = await database.TableCountsAsync();
        counts.ShouldBe(new TableCounts(
            result.Inserted.Accounts, 20_000, result.Inserted.Links, result.Inserted.Exposures, result.Inserted.OwnershipEvents,
            AuditEntries: 1, Revision: 1, StagingTables: 0));
        var expected = new FleetGenerator(DateTime.UtcNow).Generate(FleetRange.Create(0, 20_000));
        counts.Accounts.ShouldBe(expected.Accounts.Count);
        counts.Links.ShouldBe(expected.Links.Count);
        counts.Exposures.ShouldBe(expected.Exposures.Count);
        counts.OwnershipEvents.ShouldBe(expected.Devices.Count(d => d.OwnerId is not null));
        progress.Select(p => p.Devices).ShouldBe([4096, 8192, 12288, 16384, 20_000]);
        // The device counter's triggers fire with or without the fast path (they are enabled ALWAYS).
        (await database.CountAsync("SELECT devices FROM fleet_totals")).ShouldBe(20_000);

        // Owners, claimed events, links and exposures agree with each other.
        (await database.CountAsync("""
            SELECT count(*) FROM devices d
            WHERE d.ownership_version <> CASE WHEN d.owner_id IS NULL THEN 0 ELSE 1 END
               OR (SELECT count(*) FROM ownership_events e WHERE e.device_id = d.id) <> d.ownership_version
            """)).ShouldBe(0);
        (await database.CountAsync("""
            SELECT count(*) FROM ownership_events e JOIN devices d ON d.id = e.device_id
            WHERE e.kind <> 'Claimed' OR e.to_account_id IS DISTINCT FROM d.owner_id OR e.from_account_id IS NOT NULL
               OR e.actor_label <> 'system' OR e.actor_user_id IS NOT NULL
            """)).ShouldBe(0);
        (await database.CountAsync("""
            SELECT count(*) FROM device_exposures x
            JOIN account_links l ON l.id = x.link_id JOIN devices d ON d.id = x.device_id
            WHERE l.status <> 'Active' OR d.owner_id IS DISTINCT FROM l.account_id
            """)).ShouldBe(0);
        // The blast radius table's triggers fire with or without the fast path too: every exposure seeded is live.
        (await database.CountAsync("SELECT count(*) FROM blast_radius_exposures")).ShouldBe(result.Inserted.Exposures);
        (await database.CountAsync("""
            SELECT count(*) FROM blast_radius_exposures r
            JOIN account_links l ON l.id = r.link_id JOIN devices d ON d.id = r.device_id
            WHERE r.account_id = l.account_id AND r.integration_id = l.integration_id AND r.granted_actions = l.granted_actions
              AND r.model = d.model AND r.firmware = d.firmware AND r.region = d.region AND r.serial = d.serial
            """)).ShouldBe(result.Inserted.Exposures);
        (await database.CountAsync("SELECT count(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.owner_id = a.id)"))
            .ShouldBe(0);
        (await database.CountAsync("SELECT count(DISTINCT integration_id) FROM account_links")).ShouldBe(3);
        (await database.CountAsync("SELECT count(*) FROM accounts WHERE status = 'Locked'")).ShouldBeGreaterThan(0);
        (await database.CountAsync("SELECT count(*) FROM devices WHERE serial LIKE 'DEMO-%' OR serial LIKE 'NOPE-%'")).ShouldBe(0);
        (await database.CountAsync("SELECT count(*) FROM accounts WHERE email LIKE 'demo%' OR email LIKE '%@demo.test'")).ShouldBe(0);

        await using var db = database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync();
        (audit.Actor, audit.Action, audit.EntityId).ShouldBe(("system", "fleet.seeded", "0..19999"));
        audit.Data.ShouldNotBeNull().ShouldContain("\"devices\":20000");
    }

    [Fact]
    public async Task Append_NotifiesTheChangeFeedToFlushEverything()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests));
        await using var listener = new NpgsqlConnection(database.ConnectionString);
        await listener.OpenAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PolicyChangeMessage.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await database.Loader.AppendAsync(100);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (payloads.Count == 0)
        {
            await listener.WaitAsync(timeout.Token);
        }

        PolicyChangeMessage.TryParse(payloads.Single(), out var notification).ShouldBeTrue();
        notification.Revision.ShouldBe(1);
        notification.Change.All.ShouldBeTrue();
    }

    [Fact]
    public async Task Append_WhenATableHasAnInsertTriggerOfItsOwn_KeepsEveryTriggerOn()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests));
        await database.AddIntegrationsAsync();
        // Say, a maintained device counter: skipping row triggers would skip it as well.
        await database.ExecuteAsync("""
            CREATE TABLE device_counter (n bigint NOT NULL);
            INSERT INTO device_counter VALUES (0);
            CREATE FUNCTION count_device() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN UPDATE device_counter SET n = n + 1; RETURN NEW; END $$;
            CREATE TRIGGER devices_counted AFTER INSERT ON devices FOR EACH ROW EXECUTE FUNCTION count_device();
            """);

        var result = await database.Loader.AppendAsync(1000);

        result.Timings.RowTriggersSkipped.ShouldBeFalse();
        (await database.CountAsync("SELECT n FROM device_counter")).ShouldBe(1000);
        (await database.CountAsync("SELECT devices FROM fleet_totals")).ShouldBe(1000);
    }

    [Fact]
    public async Task Append_WhenATableHasAStatementTriggerOfItsOwn_KeepsEveryTriggerOn()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests));
        await database.AddIntegrationsAsync();
        // Replica mode skips statement-level triggers too, unless they are enabled ALWAYS like the device total's.
        await database.ExecuteAsync("""
            CREATE TABLE device_statements (n bigint NOT NULL);
            INSERT INTO device_statements VALUES (0);
            CREATE FUNCTION count_device_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN UPDATE device_statements SET n = n + 1; RETURN NULL; END $$;
            CREATE TRIGGER devices_statements AFTER INSERT ON devices FOR EACH STATEMENT EXECUTE FUNCTION count_device_statement();
            """);

        var result = await database.Loader.AppendAsync(1000);

        result.Timings.RowTriggersSkipped.ShouldBeFalse();
        (await database.CountAsync("SELECT n FROM device_statements")).ShouldBeGreaterThan(0);
        (await database.CountAsync("SELECT devices FROM fleet_totals")).ShouldBe(1000);
    }

    [Fact]
    public async Task Append_WhenDevicesExist_ContinuesAfterTheLastGeneratedOne()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests));
        await database.AddIntegrationsAsync();
        // 1000 is not a multiple of the block size: a household straddles the two runs.
        await database.Loader.AppendAsync(1000);

        var second = await database.Loader.AppendAsync(500);

        second.Range.ShouldBe(new FleetRange(1000, 500));
        second.Inserted.Devices.ShouldBe(500);
        var counts = await database.TableCountsAsync();
        (counts.Devices, counts.AuditEntries, counts.Revision).ShouldBe((1500L, 2L, 2L));
        // The same fleet as one run of 1500 would have made.
        var expected = new FleetGenerator(DateTime.UtcNow).Generate(FleetRange.Create(0, 1500));
        counts.Accounts.ShouldBe(expected.Accounts.Count);
        counts.Links.ShouldBe(expected.Links.Count);
        counts.Exposures.ShouldBe(expected.Exposures.Count);
        await using var db = database.CreateDbContext();
        var serials = await db.Devices.Select(d => d.Serial).ToListAsync();
        serials.ShouldBe(expected.Devices.Select(d => d.Serial), ignoreOrder: true);
    }

    [Fact]
    public async Task Ensure_WhenRunAgain_InsertsNothingAndWritesNoAuditEntry()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests));
        await database.AddIntegrationsAsync();
        await database.Loader.EnsureAsync(3000);
        var before = await database.TableCountsAsync();
        await using var db = database.CreateDbContext();
        var idsBefore = await db.Accounts.OrderBy(a => a.Email).Select(a => a.Id).ToListAsync();

        var again = await database.Loader.EnsureAsync(3000);

        again.Inserted.Any.ShouldBeFalse();
        (await database.TableCountsAsync()).ShouldBe(before);
        (await db.Accounts.OrderBy(a => a.Email).Select(a => a.Id).ToListAsync()).ShouldBe(idsBefore);
    }

    [Fact]
    public async Task Ensure_AfterChangesToTheFleet_DoesNotRevertThem()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests));
        await database.AddIntegrationsAsync();
        await database.Loader.EnsureAsync(2000);
        await using var db = database.CreateDbContext();
        var exposed = await db.DeviceExposures.OrderBy(e => e.DeviceId).FirstAsync();
        var transferred = await db.Devices.SingleAsync(d => d.Id == exposed.DeviceId);
        var newOwner = await db.Accounts.Where(a => a.Id != transferred.OwnerId).OrderBy(a => a.Email).Select(a => a.Id).FirstAsync();
        var revoked = await db.AccountLinks.Where(l => l.AccountId != transferred.OwnerId).OrderBy(l => l.Id).FirstAsync();
        // A transfer moves the device and drops the old owner's exposures of it; a revoked link stays revoked.
        await database.ExecuteAsync($"""
            DELETE FROM device_exposures WHERE device_id = '{transferred.Id}';
            UPDATE devices SET owner_id = '{newOwner}', ownership_version = ownership_version + 1 WHERE id = '{transferred.Id}';
            UPDATE account_links SET status = 'Revoked', revoked_at = now() WHERE id = '{revoked.Id}';
            """);
        var before = await database.TableCountsAsync();

        var again = await database.Loader.EnsureAsync(2000);

        again.Inserted.Any.ShouldBeFalse();
        (await database.TableCountsAsync()).ShouldBe(before);
        (await database.CountAsync($"SELECT count(*) FROM devices WHERE id = '{transferred.Id}' AND owner_id = '{newOwner}'")).ShouldBe(1);
        (await database.CountAsync($"SELECT count(*) FROM device_exposures WHERE device_id = '{transferred.Id}'")).ShouldBe(0);
        (await database.CountAsync($"SELECT count(*) FROM account_links WHERE id = '{revoked.Id}' AND status = 'Revoked'")).ShouldBe(1);
    }

    [Fact]
    public async Task Append_WhenAMergeOutlastsTheConnectionsCommandTimeout_StillCompletes()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests), chunkSize: 4096, commandTimeoutSeconds: 1);
        await database.AddIntegrationsAsync();
        await using var blocker = new NpgsqlConnection(database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockDevices = new NpgsqlCommand("LOCK TABLE devices IN SHARE MODE", blocker, hold))
        {
            await lockDevices.ExecuteNonQueryAsync();
        }

        var load = database.Loader.AppendAsync(5_000);
        await WaitUntilALoadWaitsForTheLockAsync(database.ConnectionString, blocker.ProcessID);
        // Twice the loader's command timeout: without its own (none), the merge would have failed by now.
        await Task.Delay(TimeSpan.FromSeconds(2));
        load.IsCompleted.ShouldBeFalse();
        await hold.RollbackAsync();

        (await load).Inserted.Devices.ShouldBe(5_000);
        (await database.TableCountsAsync()).Devices.ShouldBe(5_000);
    }

    private static async Task WaitUntilALoadWaitsForTheLockAsync(string connectionString, int blockerPid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            // A new connection per poll: pg_stat_activity is a snapshot fixed for a transaction's life.
            await using var probe = new NpgsqlConnection(connectionString);
            await probe.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND @blocker = ANY(pg_blocking_pids(pid))", probe);
            command.Parameters.AddWithValue("blocker", blockerPid);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, "The load never waited for the devices lock.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Load_WhenItFailsBeforeCommit_LeavesNothingBehind()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests), chunkSize: 4096);
        await database.AddIntegrationsAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => database.Loader.LoadAsync(
            new FleetLoadRequest(20_000, AfterLast: true, "test"), progress: null, CancellationToken.None,
            beforeCommit: _ => throw new InvalidOperationException("forced failure after every row was written")));

        (await database.TableCountsAsync()).ShouldBe(new TableCounts(0, 0, 0, 0, 0, 0, 0, 0));
        // The counter's changes rolled back with the rows they counted.
        (await database.CountAsync("SELECT devices FROM fleet_totals")).ShouldBe(0);
    }

    [Fact]
    public async Task Load_WhenCancelledMidway_LeavesNothingBehind()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests), chunkSize: 4096);
        await database.AddIntegrationsAsync();
        using var cancel = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() => database.Loader.AppendAsync(
            20_000, p => { if (p.Devices >= 8192) { cancel.Cancel(); } }, cancel.Token));

        (await database.TableCountsAsync()).ShouldBe(new TableCounts(0, 0, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Load_WhenAGeneratedAddressIsTakenAlready_KeepsThatAccountAndLeavesItsDevicesUnowned()
    {
        await using var database = await SeedingDatabase.CreateAsync(nameof(FleetBulkLoaderTests));
        await database.AddIntegrationsAsync();
        var taken = new FleetGenerator(DateTime.UtcNow).Generate(FleetRange.Create(0, 500)).Accounts[0];
        await using var db = database.CreateDbContext();
        db.Accounts.Add(new Account
        {
            Id = Guid.CreateVersion7(),
            Email = taken.Email,
            DisplayName = "Registered by hand",
            Region = "EU",
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();

        var result = await database.Loader.EnsureAsync(500);

        result.Inserted.Devices.ShouldBe(500);
        (await db.Accounts.CountAsync(a => a.Id == taken.Id)).ShouldBe(0);
        (await db.Devices.CountAsync(d => d.Serial.EndsWith($"-{taken.Index:D9}") && d.OwnerId == null)).ShouldBe(1);
        (await db.Accounts.SingleAsync(a => a.Email == taken.Email)).DisplayName.ShouldBe("Registered by hand");
    }
}
