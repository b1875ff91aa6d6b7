using System.Text;
using Dashboard.Core.Auth;
using Dashboard.Core.Seeding;

namespace Dashboard.Web.Seeding;

/// <summary>The block printed on the console once the demo data is in: who can sign in, and with what.</summary>
public static class DemoLogins
{
    public static string Format()
    {
        const string Rule = "================================================================================";
        var text = new StringBuilder();
        text.AppendLine(Rule);
        text.AppendLine(" Demo logins (Development only; sign in at /Account/Login)");
        text.AppendLine($" Password of every login: {WellKnownDemoSecrets.Password}");
        text.AppendLine();
        text.AppendLine($"   {"Email",-20} {"Role",-12} API token (Authorization: Bearer ...)");
        foreach (var user in DemoFixture.Users)
        {
            text.AppendLine($"   {user.Email,-20} {user.Role,-12} {user.ApiToken ?? "-"}".TrimEnd());
        }
        text.AppendLine();
        text.AppendLine($"   {"Integration",-20} Bridge key (Authorization: Bearer ...)");
        foreach (var integration in DemoFixture.Integrations)
        {
            text.AppendLine($"   {integration.Key,-20} {integration.BridgeKey}");
        }
        text.AppendLine(Rule);
        return text.ToString();
    }
}
