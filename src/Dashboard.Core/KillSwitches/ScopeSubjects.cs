using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.KillSwitches;

/// <summary>
/// The accounts and devices an admin types into a kill switch scope, looked up so the builder can store ids and name
/// what it could not find. The API takes ids and serials as given; a person typing under pressure deserves to hear
/// that "alise@example.com" matches nobody before a switch that covers nothing is fired.
/// </summary>
public sealed class ScopeSubjects(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>Each entry is an account id (uuid) or an email (case-insensitive, exact); found ones in input order.</summary>
    public async Task<AccountResolution> ResolveAccountsAsync(IEnumerable<string> entries, CancellationToken ct = default)
    {
        var texts = entries.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var ids = texts.Select(t => Guid.TryParse(t, out var id) ? id : (Guid?)null).OfType<Guid>().ToArray();
        var emails = texts.Where(t => !Guid.TryParse(t, out _)).Select(Account.CanonicalEmail).ToArray();

        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id) || emails.Contains(a.Email))
            .Select(a => new AccountRef(a.Id, a.Email))
            .ToListAsync(ct);

        var resolved = new List<AccountRef>();
        var unknown = new List<string>();
        foreach (var text in texts)
        {
            var match = Guid.TryParse(text, out var id)
                ? found.FirstOrDefault(a => a.Id == id)
                : found.FirstOrDefault(a => a.Email == Account.CanonicalEmail(text));
            if (match is null)
            {
                unknown.Add(text);
            }
            else if (!resolved.Contains(match))
            {
                resolved.Add(match);
            }
        }
        return new AccountResolution(resolved, unknown);
    }

    /// <summary>Emails of the given account ids, for showing a stored scope in words; missing accounts are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> AccountEmailsAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return new Dictionary<Guid, string>();
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking()
            .Where(a => wanted.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Email, ct);
    }

    /// <summary>The serials (canonical, input order) that name no device.</summary>
    public async Task<IReadOnlyList<string>> UnknownSerialsAsync(IEnumerable<string> serials, CancellationToken ct = default)
    {
        var canonical = serials.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Device.CanonicalSerial)
            .Distinct(StringComparer.Ordinal).ToArray();
        if (canonical.Length == 0)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var known = await db.Devices.AsNoTracking().Where(d => canonical.Contains(d.Serial)).Select(d => d.Serial).ToListAsync(ct);
        return canonical.Except(known, StringComparer.Ordinal).ToArray();
    }
}

/// <summary>Accounts found (in the order typed) and the entries that matched none.</summary>
public sealed record AccountResolution(IReadOnlyList<AccountRef> Found, IReadOnlyList<string> Unknown);
