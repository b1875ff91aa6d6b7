using System.Security.Claims;
using Dashboard.Core.Audit;

namespace Dashboard.Web.Auth;

public static class ChangeActors
{
    /// <summary>The signed-in person or staff token's user: audited by user id, shown by email.</summary>
    public static ChangeActor ChangeActor(this ClaimsPrincipal principal)
    {
        var auditId = principal.AuditActor();
        var label = principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name ?? auditId;
        return new ChangeActor(auditId, principal.UserId(), label);
    }
}
