using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Shared;

namespace Dashboard.IntegrationTests.Components;

/// <summary>Every decision reason a person may read, as words with a link to its cause: never the raw code.</summary>
public sealed class ReasonTextTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly AccountRef Alice = new(Guid.Parse("7d4f1a52-0000-4000-8000-000000000001"), "alice@demo.test");

    public static TheoryData<string, DecisionReason> EveryReasonInEveryLanguage()
    {
        var data = new TheoryData<string, DecisionReason>();
        foreach (var culture in DashboardCultures.Supported)
        {
            foreach (var reason in Enum.GetValues<DecisionReason>())
            {
                data.Add(culture, reason);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryReasonInEveryLanguage))]
    public async Task EveryReason_IsASentence_NotItsCode(string culture, DecisionReason reason)
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test", culture);

        var text = ctx.Render<ReasonText>(p => p.Add(r => r.Reason, reason).Add(r => r.Integration, "Google Assistant").Add(r => r.Account, Alice));

        var span = text.Find("[data-testid=reason-text]");
        span.GetAttribute("data-reason").ShouldBe(reason.ToWireName());
        span.TextContent.Trim().Length.ShouldBeGreaterThan(15);
        span.TextContent.ShouldNotContain(reason.ToWireName(), Case.Sensitive);
        if (reason is DecisionReason.NotLinked or DecisionReason.NotExposed or DecisionReason.AccountLocked)
        {
            span.TextContent.ShouldContain("alice@demo.test");
        }
    }

    [Theory]
    [InlineData(DecisionReason.KillSwitch, "admin/kill-switches")]
    [InlineData(DecisionReason.NotExposed, "accounts/7d4f1a52-0000-4000-8000-000000000001/links")]
    [InlineData(DecisionReason.NotLinked, "accounts/7d4f1a52-0000-4000-8000-000000000001/links")]
    [InlineData(DecisionReason.ActionNotGranted, "accounts/7d4f1a52-0000-4000-8000-000000000001/links")]
    [InlineData(DecisionReason.AccountLocked, "accounts/7d4f1a52-0000-4000-8000-000000000001")]
    [InlineData(DecisionReason.UnknownDevice, "search")]
    public async Task Reason_LinksToWhatCausedIt(DecisionReason reason, string href)
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test");

        var text = ctx.Render<ReasonText>(p => p.Add(r => r.Reason, reason).Add(r => r.Integration, "IFTTT").Add(r => r.Account, Alice));

        text.Find("a").GetAttribute("href").ShouldBe(href);
    }

    [Fact]
    public async Task KillSwitch_InFrench_SaysSoInFrench()
    {
        await using var ctx = await SupportPageContext.ForAsync(app, "support@demo.test", DashboardCultures.French);

        var text = ctx.Render<ReasonText>(p => p.Add(r => r.Reason, DecisionReason.KillSwitch).Add(r => r.Integration, "Amazon Alexa"));

        text.Markup.ShouldContain("Refusé : un coupe-circuit actif empêche Amazon Alexa d’accéder à cette caméra.");
        text.Find("a").TextContent.ShouldBe("Voir les coupe-circuits");
    }
}
