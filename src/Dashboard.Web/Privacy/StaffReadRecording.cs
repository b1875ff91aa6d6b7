using Dashboard.Core.Observability;
using Dashboard.Core.Privacy;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;

namespace Dashboard.Web.Privacy;

/// <summary>Marks an API read as one that leaves a staff access record (and documents its <c>reason</c> parameter).</summary>
public sealed record StaffReadMetadata(StaffAccessKind Kind);

public static class StaffReadRecording
{
    /// <summary>
    /// Records the read when the endpoint answers 2xx, before the answer is written: a read the caller received is
    /// never unrecorded, and a failed insert fails the request. A 404 reads nothing and records nothing. The customer
    /// is the route's <c>id</c> (an account) or the owner of the route's <c>serial</c> (a device).
    /// </summary>
    public static RouteHandlerBuilder RecordsStaffRead(this RouteHandlerBuilder endpoint, StaffAccessKind kind) =>
        endpoint.WithMetadata(new StaffReadMetadata(kind), new HandReadQueryParameter(StaffReadReason.Parameter)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var errors = new ValidationErrors();
            var reason = StaffReadReason.Read(http.Request, errors);
            if (errors.HasErrors)
            {
                return errors.ToProblem();
            }
            var result = await next(context);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } && http.User.UserId() is { } staff)
            {
                var account = Guid.TryParse(http.GetRouteValue("id") as string, out var id) ? id : (Guid?)null;
                await http.RequestServices.GetRequiredService<StaffAccessLog>().RecordAsync(
                    new StaffAccess(staff, kind, StaffAccessChannel.Api, account, http.GetRouteValue("serial") as string,
                        Reason: reason, CorrelationId: CorrelationId.Current),
                    http.RequestAborted);
            }
            return result;
        });
}
