using Dashboard.Core.Auth;
using Dashboard.Web.Seeding;

namespace Dashboard.UnitTests.Seeding;

public sealed class DemoLoginsTests
{
    [Fact]
    public void Format_ListsEveryLoginRoleTokenAndBridgeKey()
    {
        var text = DemoLogins.Format();

        text.ShouldContain(WellKnownDemoSecrets.Password);
        foreach (var email in WellKnownDemoSecrets.LoginEmails)
        {
            text.ShouldContain(email);
        }
        foreach (var (email, token) in WellKnownDemoSecrets.StaffTokens)
        {
            text.Split('\n').ShouldContain(line => line.Contains(email) && line.Contains(token));
        }
        foreach (var (integration, key) in WellKnownDemoSecrets.BridgeKeys)
        {
            text.Split('\n').ShouldContain(line => line.Contains(integration) && line.Contains(key));
        }
        text.ShouldContain("VendorAdmin");
        text.ShouldContain("Support");
        text.ShouldContain("Customer");
    }
}
