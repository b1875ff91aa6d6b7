namespace Dashboard.Core.Auth;

/// <summary>
/// The credentials of the Development demo fixture (contract.md). They are public, so they are the single list
/// that both the Development seeding and the production guard read: the guard refuses to start outside
/// Development while any of them would still let someone in.
/// </summary>
public static class WellKnownDemoSecrets
{
    /// <summary>The password of every demo login.</summary>
    public const string Password = "Demo-pass-1";

    public const string AdminEmail = "admin@demo.test";
    public const string Admin2Email = "admin2@demo.test";
    public const string SupportEmail = "support@demo.test";
    public const string AliceEmail = "alice@demo.test";
    public const string BobEmail = "bob@demo.test";
    public const string CarolEmail = "carol@demo.test";

    public const string AdminToken = "dev-admin-token";
    public const string Admin2Token = "dev-admin2-token";
    public const string SupportToken = "dev-support-token";

    public const string GoogleAssistantBridgeKey = "dev-bridge-google-assistant";
    public const string AlexaBridgeKey = "dev-bridge-alexa";
    public const string IftttBridgeKey = "dev-bridge-ifttt";

    /// <summary>Every demo login (staff and customers); each uses <see cref="Password"/>.</summary>
    public static readonly IReadOnlyList<string> LoginEmails =
        [AdminEmail, Admin2Email, SupportEmail, AliceEmail, BobEmail, CarolEmail];

    /// <summary>Staff API token of each demo staff login, by email.</summary>
    public static readonly IReadOnlyDictionary<string, string> StaffTokens = new Dictionary<string, string>
    {
        [AdminEmail] = AdminToken,
        [Admin2Email] = Admin2Token,
        [SupportEmail] = SupportToken,
    };

    /// <summary>Bridge key of each demo integration, by integration key.</summary>
    public static readonly IReadOnlyDictionary<string, string> BridgeKeys = new Dictionary<string, string>
    {
        ["google-assistant"] = GoogleAssistantBridgeKey,
        ["alexa"] = AlexaBridgeKey,
        ["ifttt"] = IftttBridgeKey,
    };
}
