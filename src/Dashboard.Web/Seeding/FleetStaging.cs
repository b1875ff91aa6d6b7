using Dashboard.Core.Accounts;
using Dashboard.Core.Seeding;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Web.Seeding;

/// <summary>
/// UNLOGGED staging tables for the bulk loader, filled with binary COPY. They are created and dropped inside
/// the load's transaction: nobody else ever sees them, and a crash or a failure leaves none behind.
/// </summary>
internal static class FleetStaging
{
    public const string Create = """
        CREATE UNLOGGED TABLE seed_stage_accounts (
            id uuid NOT NULL, email text NOT NULL, display_name text NOT NULL, region text NOT NULL,
            status text NOT NULL, created_at timestamptz NOT NULL);
        CREATE UNLOGGED TABLE seed_stage_devices (
            id uuid NOT NULL, serial text NOT NULL, mac text NOT NULL, model text NOT NULL, firmware text NOT NULL,
            region text NOT NULL, owner_id uuid, created_at timestamptz NOT NULL);
        CREATE UNLOGGED TABLE seed_stage_links (
            id uuid NOT NULL, account_id uuid NOT NULL, integration_key text NOT NULL, granted_actions integer NOT NULL,
            linked_at timestamptz NOT NULL);
        CREATE UNLOGGED TABLE seed_stage_exposures (
            link_id uuid NOT NULL, device_id uuid NOT NULL, created_at timestamptz NOT NULL);
        """;

    public const string Truncate =
        "TRUNCATE seed_stage_accounts, seed_stage_devices, seed_stage_links, seed_stage_exposures";

    public const string Drop =
        "DROP TABLE seed_stage_accounts, seed_stage_devices, seed_stage_links, seed_stage_exposures";

    private static readonly string Active = nameof(AccountStatus.Active);
    private static readonly string Locked = nameof(AccountStatus.Locked);

    public static async Task CopyAsync(NpgsqlConnection connection, FleetSlice slice, CancellationToken ct)
    {
        await CopyAccountsAsync(connection, slice.Accounts, ct);
        await CopyDevicesAsync(connection, slice.Devices, ct);
        await CopyLinksAsync(connection, slice.Links, ct);
        await CopyExposuresAsync(connection, slice.Exposures, ct);
    }

    private static async Task CopyAccountsAsync(NpgsqlConnection connection, List<FleetAccount> accounts, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY seed_stage_accounts (id, email, display_name, region, status, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var a in accounts)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(a.Email, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.DisplayName, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.Region.Code, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.Locked ? Locked : Active, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyDevicesAsync(NpgsqlConnection connection, List<FleetDevice> devices, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY seed_stage_devices (id, serial, mac, model, firmware, region, owner_id, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var d in devices)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(d.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(d.Serial, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(d.Mac, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(d.Model.Name, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(d.Firmware, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(d.Region, NpgsqlDbType.Text, ct);
            if (d.OwnerId is { } owner)
            {
                await copy.WriteAsync(owner, NpgsqlDbType.Uuid, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }
            await copy.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyLinksAsync(NpgsqlConnection connection, List<FleetLink> links, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY seed_stage_links (id, account_id, integration_key, granted_actions, linked_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var l in links)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(l.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(l.AccountId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(l.IntegrationKey, NpgsqlDbType.Text, ct);
            await copy.WriteAsync((int)l.GrantedActions, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(l.LinkedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyExposuresAsync(NpgsqlConnection connection, List<FleetExposure> exposures, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY seed_stage_exposures (link_id, device_id, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var e in exposures)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(e.LinkId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(e.DeviceId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(e.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
