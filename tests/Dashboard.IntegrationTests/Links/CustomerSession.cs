using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Links;

/// <summary>A demo customer signed in through the real login form, with the cookie kept.</summary>
internal static class CustomerSession
{
    public const string DemoPassword = "Demo-pass-1";

    public static async Task<HttpClient> SignInAsync(DashboardAppFactory app, string customer)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.SignInAsync(client, customer + "@demo.test", DemoPassword);
        return client;
    }

    /// <summary>The page as the server renders it for this client (prerendered, so the data is in the HTML).</summary>
    public static async Task<string> PageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, html);
        return html;
    }

    public static async Task<Guid> ActiveLinkAsync(DashboardAppFactory app, Guid account, string integrationKey)
    {
        await using var db = app.CreateDbContext();
        return await (
            from l in db.AccountLinks
            join i in db.Integrations on l.IntegrationId equals i.Id
            where l.AccountId == account && i.Key == integrationKey && l.Status == LinkStatus.Active
            select l.Id).SingleAsync();
    }
}
