using Npgsql;

namespace Dashboard.IntegrationTests.KillSwitches.Radius;

/// <summary>
/// One change to the fleet as a writer makes it: a statement on the base tables, some touching several rows at once
/// (the triggers see them in one transition table), some inside a transaction that is rolled back.
/// </summary>
internal abstract record RadiusStep
{
    public abstract Task ApplyAsync(NpgsqlConnection connection);

    private static (string, object?) Account(int a) => ("a", RadiusFleet.AccountId(a));

    private static (string, object?) Integration(int i) => ("i", RadiusFleet.IntegrationId(i));

    private static (string, object?) Device(int d) => ("d", RadiusFleet.DeviceId(d));

    public sealed record Link(int A, int I, int Grant) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection, """
            INSERT INTO account_links (id, account_id, integration_id, status, linked_at, granted_actions)
            SELECT gen_random_uuid(), @a, @i, 'Active', now(), @g
            WHERE NOT EXISTS (SELECT 1 FROM account_links WHERE account_id = @a AND integration_id = @i AND status = 'Active')
            """, Account(A), Integration(I), ("g", Grant));
    }

    /// <summary>Exposes a device through the account's active link, whoever owns it (the radius must ignore it if not the account).</summary>
    public sealed record Expose(int A, int I, int D) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection, """
            INSERT INTO device_exposures (link_id, device_id, created_at)
            SELECT l.id, @d, now() FROM account_links l
            WHERE l.account_id = @a AND l.integration_id = @i AND l.status = 'Active'
            ON CONFLICT DO NOTHING
            """, Account(A), Integration(I), Device(D));
    }

    /// <summary>Every device the account owns, exposed in one statement.</summary>
    public sealed record ExposeOwned(int A, int I) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection, """
            INSERT INTO device_exposures (link_id, device_id, created_at)
            SELECT l.id, d.id, now() FROM account_links l JOIN devices d ON d.owner_id = l.account_id
            WHERE l.account_id = @a AND l.integration_id = @i AND l.status = 'Active'
            ON CONFLICT DO NOTHING
            """, Account(A), Integration(I));
    }

    public sealed record Unexpose(int A, int D) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection, """
            DELETE FROM device_exposures e USING account_links l
            WHERE l.id = e.link_id AND l.account_id = @a AND e.device_id = @d
            """, Account(A), Device(D));
    }

    public sealed record Unlink(int A, int I) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection, """
            UPDATE account_links SET status = 'Revoked', revoked_at = now()
            WHERE account_id = @a AND integration_id = @i AND status = 'Active'
            """, Account(A), Integration(I));
    }

    public sealed record Regrant(int A, int Grant) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "UPDATE account_links SET granted_actions = @g WHERE account_id = @a AND status = 'Active'",
            Account(A), ("g", Grant));
    }

    /// <summary>Removes every link of the pair, revoked or not (their exposures go with them).</summary>
    public sealed record RemoveLinks(int A, int I) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "DELETE FROM account_links WHERE account_id = @a AND integration_id = @i", Account(A), Integration(I));
    }

    public sealed record Transfer(int D, int A) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "UPDATE devices SET owner_id = @a, ownership_version = ownership_version + 1 WHERE id = @d", Device(D), Account(A));
    }

    public sealed record Release(int D) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "UPDATE devices SET owner_id = NULL, ownership_version = ownership_version + 1 WHERE id = @d", Device(D));
    }

    /// <summary>All of one account's devices to another in one statement.</summary>
    public sealed record TransferAll(int From, int To) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "UPDATE devices SET owner_id = @to WHERE owner_id = @from",
            ("from", RadiusFleet.AccountId(From)), ("to", RadiusFleet.AccountId(To)));
    }

    public sealed record SetLocked(int A, bool Locked) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "UPDATE accounts SET status = @s WHERE id = @a", Account(A), ("s", Locked ? "Locked" : "Active"));
    }

    public sealed record MoveRegion(int D, int Region) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "UPDATE devices SET region = @r WHERE id = @d", Device(D), ("r", RadiusFleet.Regions[Region]));
    }

    public sealed record SetIntegrationActions(int I, int Actions) : RadiusStep
    {
        public override Task ApplyAsync(NpgsqlConnection connection) => RadiusSql.ExecuteAsync(connection,
            "UPDATE integrations SET actions = @m WHERE id = @i", Integration(I), ("m", Actions));
    }

    /// <summary>A step whose transaction rolls back: what its triggers wrote must go with it.</summary>
    public sealed record RolledBack(RadiusStep Step) : RadiusStep
    {
        public override async Task ApplyAsync(NpgsqlConnection connection)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await Step.ApplyAsync(connection);
            await transaction.RollbackAsync();
        }
    }
}
