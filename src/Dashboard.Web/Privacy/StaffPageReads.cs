using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Web.Privacy;

/// <summary>
/// Records a staff page view of a customer's account or device once per page open. A page opened by URL renders
/// twice, first in the prerendering request and then in the circuit that attaches to it: the prerender records the
/// read and leaves a marker in the persisted component state; the circuit's first render of the same page takes the
/// marker instead of recording again. A page opened by navigation inside the circuit finds no marker and records.
/// The page itself remembers what it recorded, so its re-renders and reloads record nothing.
/// </summary>
public sealed class StaffPageReads(
    StaffAccessLog log, AuthenticationStateProvider authentication, PersistentComponentState state) : IDisposable
{
    private readonly List<PersistingComponentStateSubscription> markers = [];

    /// <summary>The subject a page has recorded, e.g. <c>Device:DEMO-CAM-0001</c>.</summary>
    public static string Key(StaffAccessKind kind, string subject) => $"staff-read:{kind}:{subject}";

    /// <param name="prerendering">True in the prerendering request (the page's <c>RendererInfo.IsInteractive</c> is false).</param>
    public async Task RecordOpenAsync(StaffAccessKind kind, Guid? account, string? serial, string? reason, bool prerendering)
    {
        var key = Key(kind, account?.ToString() ?? serial ?? "");
        if (!prerendering && state.TryTakeFromJson<bool>(key, out var recordedByPrerender) && recordedByPrerender)
        {
            return;
        }
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var staff = user.UserId() ?? throw new InvalidOperationException("A staff page needs a signed-in staff member.");
        await log.RecordAsync(new StaffAccess(staff, kind, StaffAccessChannel.Page, account, serial, Reason: reason));
        if (prerendering)
        {
            markers.Add(state.RegisterOnPersisting(() =>
            {
                state.PersistAsJson(key, true);
                return Task.CompletedTask;
            }, RenderMode.InteractiveServer));
        }
    }

    public void Dispose()
    {
        foreach (var marker in markers)
        {
            marker.Dispose();
        }
    }
}
