using System.Globalization;
using Dashboard.Core.Privacy;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Privacy;

/// <summary>Staff access records and the customer's own-data download.</summary>
public static class PrivacySetup
{
    /// <summary>
    /// The customer's data as JSON. Outside <c>/api</c> like the CSV exports, so the customer's page links to it with
    /// the sign-in cookie (the API takes no cookie). Only ever the signed-in customer's own account.
    /// </summary>
    public const string MyDataPath = "/export/my-data.json";

    public static WebApplicationBuilder AddDashboardPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddScoped<StaffPageReads>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDashboardPrivacy(this IEndpointRouteBuilder app)
    {
        app.MapGet(MyDataPath, MyDataAsync)
            .RequireAuthorization(Policies.Customer)
            .AddEndpointFilter<NulCharacterFilter>()
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<IResult> MyDataAsync(
        HttpContext context, CustomerDataExport export, TimeProvider time, CancellationToken ct)
    {
        if (context.User.AccountId() is not { } accountId)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "This sign-in has no customer account.");
        }
        var response = context.Response;
        var date = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        response.ContentType = "application/json; charset=utf-8";
        response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"my-data-{date}.json\"";
        // Personal data: no shared cache may keep it.
        response.Headers.CacheControl = "no-store";
        if (!await export.WriteAsync(accountId, response.Body, ct))
        {
            response.Headers.Remove(HeaderNames.ContentDisposition);
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Your account no longer exists.");
        }
        return Results.Empty;
    }
}
