using System.Text.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy;

/// <summary>
/// A customer's own data as one JSON document, written while it is read (the activity list can be long): the account,
/// the cameras it owns, the ownership events it took part in, its links and exposures, its activity and the staff
/// access records about it. Every query filters by the one account id the caller passes (the signed-in customer's
/// claim); other accounts taking part in an ownership event are named only as "another account".
/// </summary>
public sealed class CustomerDataExport(IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    public const string You = "you";
    public const string AnotherAccount = "another account";

    /// <summary>Rows between flushes, so a long download starts at once without a flush per row.</summary>
    private const int FlushEvery = 500;

    /// <summary>False, writing nothing, when the account does not exist.</summary>
    public async Task<bool> WriteAsync(Guid accountId, Stream output, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return false;
        }
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("exportedAt", time.GetUtcNow().UtcDateTime);
        json.WriteStartObject("account");
        json.WriteString("id", account.Id);
        json.WriteString("email", account.Email);
        json.WriteString("displayName", account.DisplayName);
        json.WriteString("region", account.Region);
        json.WriteString("status", account.Status.ToString().ToLowerInvariant());
        json.WriteString("createdAt", account.CreatedAt);
        json.WriteEndObject();

        await CamerasAsync(db, accountId, json, ct);
        await OwnershipEventsAsync(db, accountId, json, ct);
        await LinksAsync(db, accountId, json, ct);
        await WriteArrayAsync(json, "activity", CustomerActivity.Rows(db, accountId).AsAsyncEnumerable(), (w, a) =>
        {
            w.WriteString("minute", a.Minute);
            w.WriteString("service", a.Service);
            w.WriteString("serial", a.Serial);
            w.WriteString("action", a.Action);
            w.WriteBoolean("allowed", a.Allowed);
            w.WriteString("reason", a.Reason);
            w.WriteNumber("count", a.Count);
        }, ct);
        await WriteArrayAsync(json, "accessRecords", StaffAccessLog.Views(db, accountId).AsAsyncEnumerable(), (w, r) =>
        {
            w.WriteString("at", r.At);
            w.WriteString("staff", r.Staff);
            w.WriteString("what", StaffAccessWords.What(r.Kind));
            w.WriteString("channel", r.Channel.ToString().ToLowerInvariant());
            w.WriteString("device", r.DeviceSerial);
            w.WriteString("exportFilter", r.ExportFilter);
            w.WriteString("reason", r.Reason);
        }, ct);
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return true;
    }

    private static async Task CamerasAsync(DashboardDbContext db, Guid accountId, Utf8JsonWriter json, CancellationToken ct)
    {
        var cameras =
            from d in db.Devices.AsNoTracking()
            where d.OwnerId == accountId
            orderby d.Serial
            select new
            {
                d.Serial, d.Model, d.Firmware, d.Region, d.Status,
                // Owned since the latest event that gave it to this account.
                Since = db.OwnershipEvents.Where(e => e.DeviceId == d.Id && e.ToAccountId == accountId)
                    .Max(e => (DateTime?)e.At),
            };
        await WriteArrayAsync(json, "cameras", cameras.AsAsyncEnumerable(), (w, c) =>
        {
            w.WriteString("serial", c.Serial);
            w.WriteString("model", c.Model);
            w.WriteString("firmware", c.Firmware);
            w.WriteString("region", c.Region);
            w.WriteString("status", c.Status.ToString().ToLowerInvariant());
            WriteTime(w, "ownedSince", c.Since);
        }, ct);
    }

    private static async Task OwnershipEventsAsync(DashboardDbContext db, Guid accountId, Utf8JsonWriter json, CancellationToken ct)
    {
        var events =
            from e in db.OwnershipEvents.AsNoTracking()
            where e.FromAccountId == accountId || e.ToAccountId == accountId
            join d in db.Devices on e.DeviceId equals d.Id
            orderby e.At, e.Id
            select new { d.Serial, e.At, e.Kind, e.FromAccountId, e.ToAccountId, e.ActorLabel, e.Reason };
        await WriteArrayAsync(json, "ownershipEvents", events.AsAsyncEnumerable(), (w, e) =>
        {
            w.WriteString("serial", e.Serial);
            w.WriteString("at", e.At);
            w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
            w.WriteString("from", Party(e.FromAccountId, accountId));
            w.WriteString("to", Party(e.ToAccountId, accountId));
            w.WriteString("by", e.ActorLabel);
            w.WriteString("reason", e.Reason);
        }, ct);
    }

    private static async Task LinksAsync(DashboardDbContext db, Guid accountId, Utf8JsonWriter json, CancellationToken ct)
    {
        var links =
            from l in db.AccountLinks.AsNoTracking()
            where l.AccountId == accountId
            join i in db.Integrations on l.IntegrationId equals i.Id
            orderby i.Key, l.LinkedAt
            select new { i.Key, i.Name, l.Status, l.LinkedAt, l.LastUsedAt, l.RevokedAt, l.GrantedActions };
        await WriteArrayAsync(json, "links", links.AsAsyncEnumerable(), (w, l) =>
        {
            w.WriteString("service", l.Key);
            w.WriteString("serviceName", l.Name);
            w.WriteString("status", l.Status == LinkStatus.Active ? "active" : "revoked");
            w.WriteString("linkedAt", l.LinkedAt);
            WriteTime(w, "lastUsedAt", l.LastUsedAt);
            WriteTime(w, "revokedAt", l.RevokedAt);
            w.WriteStartArray("grantedActions");
            foreach (var (action, name) in AccessActionNames.Each)
            {
                if (l.GrantedActions.HasFlag(action))
                {
                    w.WriteStringValue(name);
                }
            }
            w.WriteEndArray();
        }, ct);

        var exposures =
            from e in db.DeviceExposures.AsNoTracking()
            join l in db.AccountLinks on e.LinkId equals l.Id
            where l.AccountId == accountId
            join i in db.Integrations on l.IntegrationId equals i.Id
            join d in db.Devices on e.DeviceId equals d.Id
            orderby i.Key, d.Serial
            select new { i.Key, d.Serial, e.CreatedAt };
        await WriteArrayAsync(json, "exposures", exposures.AsAsyncEnumerable(), (w, e) =>
        {
            w.WriteString("service", e.Key);
            w.WriteString("serial", e.Serial);
            w.WriteString("since", e.CreatedAt);
        }, ct);
    }

    private static async Task WriteArrayAsync<T>(
        Utf8JsonWriter json, string name, IAsyncEnumerable<T> rows, Action<Utf8JsonWriter, T> write, CancellationToken ct)
    {
        json.WriteStartArray(name);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            write(json, row);
            json.WriteEndObject();
            if (++count % FlushEvery == 0)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string? Party(Guid? account, Guid you) =>
        account is null ? null : account == you ? You : AnotherAccount;
}
