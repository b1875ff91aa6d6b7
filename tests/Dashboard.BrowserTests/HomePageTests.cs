using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>Each demo role signs in through the real form and lands on its own home page.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HomePageTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task SignIn_AsVendorAdmin_ShowsFleetAtAGlance()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await Session.SignInAsync(page, DemoLogins.Admin);

        new Uri(page.Url).AbsolutePath.ShouldBe("/fleet");
        var expectedDevices = (DashboardAppProcess.GeneratedDevices + 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator("[data-stat=devices]")).ToHaveTextAsync(expectedDevices);
        await Expect(page.Locator("[data-breakdown=model] [data-testid=breakdown-chart] svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-breakdown=model] table")).ToContainTextAsync("Mi Home Security Camera Basic 1080p");
        await Expect(page.Locator("[data-breakdown=firmware] table")).ToContainTextAsync("3.5.1_00.66");
        await Expect(page.Locator("[data-breakdown=region] table")).ToContainTextAsync("EU");
        var owned = await StatAsync(page, "owned");
        var unowned = await StatAsync(page, "unowned");
        (owned + unowned).ShouldBe(DashboardAppProcess.GeneratedDevices + 4);
        unowned.ShouldBeGreaterThanOrEqualTo(1, "DEMO-CAM-0004 has no owner");

        await Session.ScreenshotAsync(page, "admin-home.png");
    }

    [BrowserFact]
    public async Task SignIn_AsSupport_ShowsSearchThatAnswersOnEnter()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await Session.SignInAsync(page, DemoLogins.Support);

        new Uri(page.Url).AbsolutePath.ShouldBe("/search");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search devices and accounts" });
        await box.FillAsync("demo-cam");
        await box.PressAsync("Enter");

        var devices = page.Locator("[data-testid=device-results] tbody tr");
        await Expect(devices).ToHaveCountAsync(4);
        await Expect(devices.First).ToContainTextAsync("DEMO-CAM-0001");
        await Expect(devices.First).ToContainTextAsync("alice@demo.test");
        new Uri(page.Url).Query.ShouldBe("?q=demo-cam");

        await Session.ScreenshotAsync(page, "support-home.png");
    }

    [BrowserFact]
    public async Task SignIn_AsCustomer_ShowsOnlyOwnCameras()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await Session.SignInAsync(page, DemoLogins.Alice);

        new Uri(page.Url).AbsolutePath.ShouldBe("/cameras");
        var cameras = page.Locator("[data-testid=my-cameras] tbody tr");
        await Expect(cameras).ToHaveCountAsync(2);
        await Expect(cameras.Nth(0)).ToContainTextAsync("DEMO-CAM-0001");
        await Expect(cameras.Nth(1)).ToContainTextAsync("DEMO-CAM-0002");
        await Expect(page.GetByText("DEMO-CAM-0003")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(DemoLogins.Alice);

        await Session.ScreenshotAsync(page, "customer-home.png");
    }

    private static async Task<int> StatAsync(IPage page, string name)
    {
        var text = await page.Locator($"[data-stat={name}]").InnerTextAsync();
        return int.Parse(text.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }
}
