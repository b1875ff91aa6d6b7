using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;

namespace Dashboard.UnitTests.KillSwitches;

/// <summary>Which integrations a switch touches at all (its narrowing lists aside), for the status board.</summary>
public sealed class KillSwitchCoversIntegrationTests
{
    [Theory]
    [InlineData("google-assistant", null, false, "google-assistant", IntegrationKind.Assistant, true)]
    [InlineData(" Google-Assistant ", null, false, "google-assistant", IntegrationKind.Assistant, true)]
    [InlineData("alexa", null, false, "google-assistant", IntegrationKind.Assistant, false)]
    [InlineData(null, "assistant", false, "alexa", IntegrationKind.Assistant, true)]
    [InlineData(null, "automation", false, "alexa", IntegrationKind.Assistant, false)]
    [InlineData(null, null, true, "ifttt", IntegrationKind.Automation, true)]
    // Unreadable selectors cover every integration, as they do when deciding.
    [InlineData(null, null, false, "ifttt", IntegrationKind.Automation, true)]
    [InlineData(null, "robots", false, "ifttt", IntegrationKind.Automation, true)]
    public void CoversIntegration_FollowsTheSelector(
        string? integration, string? kind, bool all, string key, IntegrationKind integrationKind, bool expected)
    {
        var scope = new KillSwitchScope { Integration = integration, IntegrationKind = kind, AllIntegrations = all, Actions = ["stream"] };

        KillSwitchMatcher.CoversIntegration(scope, key, integrationKind).ShouldBe(expected);
    }
}
