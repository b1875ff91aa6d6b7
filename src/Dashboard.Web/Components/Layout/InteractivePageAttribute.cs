using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// Every component under Pages/ runs in the circuit (Pages/_Imports.razor applies this, so no page states its own
/// render mode): a routable page becomes an interactive island under the statically rendered layout, and so does a
/// page part the layout shows by itself (the cross-tenant signal banner). Parts rendered by a page are already in its
/// circuit. The sign-in pages, outside Pages/, stay static: they read and write cookies, which needs the request.
/// </summary>
public sealed class InteractivePageAttribute : RenderModeAttribute
{
    public override IComponentRenderMode Mode => RenderMode.InteractiveServer;
}
