using System.Globalization;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Components.Pages.KillSwitches;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.UnitTests.Components;

/// <summary>The words every kill switch page uses for a scope and a blast radius, read from the real resources.</summary>
public sealed class ScopeWordsTests
{
    private static readonly IStringLocalizer<ScopeWords> Words = new StringLocalizer<ScopeWords>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Fact]
    public void Describe_KindNarrowedByAction_ReadsAsOneLine()
    {
        using var _ = new UiCulture("en");
        var scope = new KillSwitchScope { IntegrationKind = "assistant", Actions = ["stream"] };

        ScopeWords.Describe(scope, Words).ShouldBe("Every assistant integration · actions: stream");
    }

    [Fact]
    public void Describe_WithoutNarrowing_SaysItCoversEverything()
    {
        using var _ = new UiCulture("en");
        ScopeWords.Describe(new KillSwitchScope { AllIntegrations = true }, Words).ShouldBe("All integrations · every action on every device");
        ScopeWords.Describe(new KillSwitchScope { Integration = "ifttt" }, Words).ShouldBe("Integration ifttt · every action on every device");
    }

    [Fact]
    public void Describe_ShowsAccountsByEmailWhereKnown_AndByIdOtherwise()
    {
        using var _ = new UiCulture("en");
        var known = Guid.NewGuid();
        var unknown = Guid.NewGuid();
        var scope = new KillSwitchScope
        {
            Integration = "alexa",
            Regions = ["EU", "US"],
            Accounts = [known, unknown],
            Devices = ["DEMO-CAM-0001"],
        };

        ScopeWords.Describe(scope, Words, new Dictionary<Guid, string> { [known] = "alice@demo.test" })
            .ShouldBe($"Integration alexa · regions: EU, US · accounts: alice@demo.test, {unknown} · devices: DEMO-CAM-0001");
    }

    [Fact]
    public void Describe_InFrenchAndIndonesian_TranslatesTheWordsButNotTheValues()
    {
        var scope = new KillSwitchScope { Integration = "alexa", Models = ["CamPro X"] };
        using (new UiCulture("fr"))
        {
            ScopeWords.Describe(scope, Words).ShouldBe("Intégration alexa · modèles : CamPro X");
        }
        using (new UiCulture("id"))
        {
            ScopeWords.Describe(scope, Words).ShouldBe("Integrasi alexa · model: CamPro X");
        }
    }

    [Theory]
    [InlineData("en", 1, 2, 0, "1 account, 2 devices, 0 links")]
    [InlineData("fr", 1, 2, 0, "1 compte, 2 appareils, 0 liaison")]
    [InlineData("fr", 1500, 1, 3, "1 500 comptes, 1 appareil, 3 liaisons")]
    [InlineData("id", 1, 2, 0, "1 akun, 2 perangkat, 0 tautan")]
    public void Radius_CountsInTheReadersPlurals(string culture, long accounts, long devices, long links, string expected)
    {
        using var _ = new UiCulture(culture);

        // French groups thousands with a narrow no-break space; compare with plain spaces.
        ScopeWords.Radius(new BlastRadius(accounts, devices, links), Words).Replace('\u202f', ' ').Replace('\u00a0', ' ')
            .ShouldBe(expected);
    }

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
    }
}
