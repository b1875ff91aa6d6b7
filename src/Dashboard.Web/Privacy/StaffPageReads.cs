using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Privacy;

/// <summary>
/// Records a staff page view of a customer's account or device once per page open. Every page open is served by a
/// request that prerenders the page (a first load, a link followed by the enhanced navigation, a navigation asked for
/// by the page), and the page's interactive island in the circuit is its continuation: the prerender records the
/// read, the circuit never does. The page itself remembers what it recorded, so its re-renders record nothing.
/// </summary>
public sealed class StaffPageReads(StaffAccessLog log, AuthenticationStateProvider authentication)
{
    /// <summary>The subject a page has recorded, e.g. <c>Device:DEMO-CAM-0001</c>.</summary>
    public static string Key(StaffAccessKind kind, string subject) => $"staff-read:{kind}:{subject}";

    /// <param name="prerendering">True in the prerendering request (the page's <c>RendererInfo.IsInteractive</c> is false).</param>
    public async Task RecordOpenAsync(StaffAccessKind kind, Guid? account, string? serial, string? reason, bool prerendering)
    {
        if (!prerendering)
        {
            return;
        }
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var staff = user.UserId() ?? throw new InvalidOperationException("A staff page needs a signed-in staff member.");
        await log.RecordAsync(new StaffAccess(staff, kind, StaffAccessChannel.Page, account, serial, Reason: reason));
    }
}
