using Dashboard.Core.Data;

namespace Dashboard.Core.Privacy;

/// <summary>
/// Removes or pseudonymizes one kind of stored personal data of an account being erased. Each table that holds
/// personal data has one, registered in <see cref="PrivacyServices.AddPersonalDataErasure"/>; a new table with
/// personal data adds its eraser there, and the database-wide scan in the erasure tests fails until it does.
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>Runs inside the erasure's transaction, after the account row is locked and its links are ended.</summary>
    Task<ErasureStep> EraseAsync(DashboardDbContext db, ErasureSubject subject, CancellationToken ct);
}

/// <summary>What one eraser did: rows changed, and rows it had to keep as they are (with why).</summary>
/// <param name="Name">What was erased, e.g. <c>identity_users</c>.</param>
/// <param name="Kept">Rows that still mention the person and cannot change (see <paramref name="Note"/>).</param>
public sealed record ErasureStep(string Name, int Erased, int Kept = 0, string? Note = null);
