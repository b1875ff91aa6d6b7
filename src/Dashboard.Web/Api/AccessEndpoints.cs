using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.Web.Access;
using Dashboard.Web.Api.Json;
using Dashboard.Web.Auth;

namespace Dashboard.Web.Api;

/// <summary>
/// The decision API for integration bridges (bridge key). The integration is always the authenticated caller's,
/// never a value from the body. Each handler writes its answer itself and releases its in-flight ticket only after
/// the answer is written: that is what lets a propagation wait promise that no older answer is still on its way.
/// Bodies are read by hand (source-generated JSON, no binding): a bad field is named in the 400, a wrong content type
/// is a 415 ProblemDetails, and no reflection runs on the hot path.
/// </summary>
public static class AccessEndpoints
{
    /// <summary>Canonical serials are at most this long (the column's length): anything longer is not a serial.</summary>
    public const int MaxSerialLength = 64;

    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/access")
            .RequireAuthorization(Policies.Bridge)
            .RequireRateLimiting(BridgeRateLimiting.Policy)
            .WithTags("Access");

        group.MapPost("/check", CheckAsync)
            .WithName("CheckAccess")
            .WithSummary("May this bridge do this action on this camera for this account, right now?")
            // Read by hand (see the class comment), so the body is declared for the document here.
            .Accepts<CheckAccessBody>("application/json")
            .Produces<CheckAccessResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/visible-devices", VisibleDevicesAsync)
            .WithName("VisibleDevices")
            .WithSummary("The account's devices this bridge may reach right now, with the actions allowed on each.")
            .Accepts<VisibleDevicesBody>("application/json")
            .Produces<VisibleDevicesResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Task CheckAsync(HttpContext context, AccessDecisions decisions) => AnswerAsync(
        context, decisions, AccessApiJson.Default.CheckAccessBody,
        static (body, errors) => (
            Account: AccessRequestBody.Account(body?.Account, errors), Serial: Serial(body?.Device, errors), Action: Action(body?.Action, errors)),
        static async (decisions, ticket, integrationId, input, ct) =>
        {
            var request = new AccessRequest(integrationId, input.Account, input.Serial, input.Action);
            var outcome = await decisions.DecideAsync(ticket, request, ct);
            var decision = outcome.Decision;
            return new CheckAccessResponse(
                decision.Decision.ToWireName(), decision.Reason.ToWireName(), decision.Revision, outcome.DecisionId);
        },
        AccessApiJson.Default.CheckAccessResponse);

    private static Task VisibleDevicesAsync(HttpContext context, AccessDecisions decisions) => AnswerAsync(
        context, decisions, AccessApiJson.Default.VisibleDevicesBody,
        static (body, errors) => AccessRequestBody.Account(body?.Account, errors),
        static async (decisions, ticket, integrationId, accountId, ct) =>
        {
            var outcome = await decisions.VisibleDevicesAsync(ticket, integrationId, accountId, ct);
            return new VisibleDevicesResponse(
                outcome.Revision,
                outcome.Devices.Select(d => new VisibleDeviceItem(d.Serial, AccessActionNames.Names(d.Actions).ToArray())).ToArray());
        },
        AccessApiJson.Default.VisibleDevicesResponse);

    /// <summary>
    /// What every decision endpoint does around its decision: only a bridge may ask (403), the body is read and each
    /// field checked (415/400 naming the field), the decision runs inside an in-flight ticket that is released only
    /// after the answer is written, and a decision that cannot be made safely is a 503 with <c>Retry-After</c>.
    /// </summary>
    private static async Task AnswerAsync<TBody, TInput, TResponse>(
        HttpContext context,
        AccessDecisions decisions,
        JsonTypeInfo<TBody> bodyType,
        Func<TBody?, Dictionary<string, string[]>, TInput> parse,
        Func<AccessDecisions, DecisionTicket, Guid, TInput, CancellationToken, Task<TResponse>> decide,
        JsonTypeInfo<TResponse> responseType) where TBody : class
    {
        var ct = context.RequestAborted;
        if (!TryGetIntegration(context.User, out var integrationId))
        {
            await Problem(context, StatusCodes.Status403Forbidden, "Not a bridge", "Only an integration bridge key may ask for decisions.");
            return;
        }
        var (body, failure) = await AccessRequestBody.ReadAsync(context, bodyType);
        if (failure is not null)
        {
            await failure.ExecuteAsync(context);
            return;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var input = parse(body, errors);
        if (errors.Count > 0)
        {
            await TypedResults.ValidationProblem(errors).ExecuteAsync(context);
            return;
        }

        using var ticket = decisions.Enter();
        TResponse response;
        try
        {
            response = await decide(decisions, ticket, integrationId, input, ct);
        }
        catch (AccessUnavailableException)
        {
            await Unavailable(context);
            return;
        }
        await context.Response.WriteAsJsonAsync(response, responseType, cancellationToken: ct);
        await context.Response.CompleteAsync();
    }

    private static bool TryGetIntegration(ClaimsPrincipal user, out Guid integrationId) =>
        Guid.TryParse(user.FindFirstValue(DashboardClaims.IntegrationId), out integrationId);

    private static string Serial(string? device, Dictionary<string, string[]> errors)
    {
        var trimmed = device?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors["device"] = ["A device serial is required."];
        }
        else if (trimmed.Length > MaxSerialLength)
        {
            errors["device"] = [$"A serial has at most {MaxSerialLength} characters."];
        }
        else if (trimmed.Any(char.IsControl))
        {
            errors["device"] = ["A serial has no control characters."];
        }
        return trimmed ?? string.Empty;
    }

    private static AccessActions Action(string? action, Dictionary<string, string[]> errors)
    {
        if (action is null)
        {
            errors["action"] = ["An action is required."];
            return AccessActions.None;
        }
        if (!AccessActionNames.TryParse(action, out var parsed))
        {
            var expected = string.Join(", ", AccessActionNames.Each.Select(e => e.Name));
            errors["action"] = [$"Unknown action; expected one of {expected}."];
        }
        return parsed;
    }

    private static Task Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return Problem(context, StatusCodes.Status503ServiceUnavailable, "Decision unavailable",
            "The decision could not be made safely right now; nothing was allowed. Retry shortly.");
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}

/// <summary>Reading and checking a decision API body, with failures as ProblemDetails that name the field.</summary>
internal static class AccessRequestBody
{
    /// <summary>A body this small holds any valid request many times over.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public static async Task<(T? Body, IResult? Failure)> ReadAsync<T>(
        HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the body as application/json."));
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }
        try
        {
            var body = await context.Request.ReadFromJsonAsync(type, context.RequestAborted);
            return body is null ? (null, Invalid("body", "A JSON object is required.")) : (body, null);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            return DuplicateProperties.TryDescribe(e, field, out var duplicate)
                ? (null, Invalid(field, duplicate))
                : (null, Invalid(field, "Not valid here: " + FirstSentence(e.Message)));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    public static Guid Account(string? account, Dictionary<string, string[]> errors)
    {
        if (account is null)
        {
            errors["account"] = ["An account id is required."];
            return Guid.Empty;
        }
        if (!Guid.TryParseExact(account.Trim(), "D", out var id))
        {
            errors["account"] = ["An account id is a uuid (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."];
        }
        return id;
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large",
        detail: $"A decision request body has at most {MaxBodyBytes} bytes.");

    // "$.account" -> "account"; the body as a whole when the path names nothing.
    private static string FieldOf(string? path)
    {
        var field = path?.TrimStart('$').TrimStart('.');
        return string.IsNullOrEmpty(field) ? "body" : field;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
