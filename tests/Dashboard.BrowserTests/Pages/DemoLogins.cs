namespace Dashboard.BrowserTests.Pages;

/// <summary>The Development fixture's logins (contract.md).</summary>
public static class DemoLogins
{
    public const string Password = "Demo-pass-1";
    public const string Admin = "admin@demo.test";
    public const string Admin2 = "admin2@demo.test";
    public const string Support = "support@demo.test";
    public const string Alice = "alice@demo.test";
}
