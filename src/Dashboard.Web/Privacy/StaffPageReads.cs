using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Privacy;

/// <summary>
/// Records a staff page view of a customer's account or device. The pages call it once per page open: in the
/// prerendering request, or in the circuit when the page was opened by navigation there; the circuit that follows a
/// prerender knows (from persisted component state) that the prerender recorded it already.
/// </summary>
public sealed class StaffPageReads(StaffAccessLog log, AuthenticationStateProvider authentication)
{
    /// <summary>The key a page persists once it has recorded this read, so the same page open is not recorded twice.</summary>
    public static string Key(StaffAccessKind kind, string subject) => $"{kind}:{subject}";

    public async Task RecordAsync(StaffAccessKind kind, Guid? account, string? serial, string? reason)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var staff = user.UserId() ?? throw new InvalidOperationException("A staff page needs a signed-in staff member.");
        await log.RecordAsync(new StaffAccess(staff, kind, StaffAccessChannel.Page, account, serial, Reason: reason));
    }
}
