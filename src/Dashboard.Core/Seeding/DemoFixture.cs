using Dashboard.Core.Auth;
using Dashboard.Core.Integrations;

namespace Dashboard.Core.Seeding;

/// <summary>A demo login; customers get an account of the same email, staff get an API token.</summary>
public sealed record DemoUser(string Email, string DisplayName, string Role, string? ApiToken, string? AccountRegion);

/// <summary>A demo integration and its well-known bridge key.</summary>
public sealed record DemoIntegration(string Key, string Name, IntegrationKind Kind, string BridgeKey);

/// <summary>A demo camera; <see cref="OwnerEmail"/> null means unowned.</summary>
public sealed record DemoDevice(string Serial, string Mac, string? OwnerEmail, string Model, string Firmware, string Region);

/// <summary>A demo customer's active link (granting every action) and the devices it exposes.</summary>
public sealed record DemoLink(string OwnerEmail, string IntegrationKey, IReadOnlyList<string> ExposedSerials);

/// <summary>
/// The Development demo fixture, exactly as the contract lists it. The secrets come from
/// <see cref="WellKnownDemoSecrets"/>, the one list the production guard checks as well.
/// </summary>
public static class DemoFixture
{
    /// <summary>Fixture links were made this long before the first seeding.</summary>
    public static readonly TimeSpan LinkAge = TimeSpan.FromDays(90);

    /// <summary>Owned fixture devices were claimed this long before the first seeding (before their links).</summary>
    public static readonly TimeSpan ClaimAge = TimeSpan.FromDays(120);

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new(WellKnownDemoSecrets.AdminEmail, "Demo Admin", Roles.VendorAdmin, WellKnownDemoSecrets.AdminToken, null),
        new(WellKnownDemoSecrets.Admin2Email, "Demo Admin 2", Roles.VendorAdmin, WellKnownDemoSecrets.Admin2Token, null),
        new(WellKnownDemoSecrets.SupportEmail, "Demo Support", Roles.Support, WellKnownDemoSecrets.SupportToken, null),
        new(WellKnownDemoSecrets.AliceEmail, "Alice", Roles.Customer, null, "EU"),
        new(WellKnownDemoSecrets.BobEmail, "Bob", Roles.Customer, null, "US"),
        new(WellKnownDemoSecrets.CarolEmail, "Carol", Roles.Customer, null, "EU"),
    ];

    public static readonly IReadOnlyList<DemoIntegration> Integrations =
    [
        new("google-assistant", "Google Assistant", IntegrationKind.Assistant, WellKnownDemoSecrets.GoogleAssistantBridgeKey),
        new("alexa", "Amazon Alexa", IntegrationKind.Assistant, WellKnownDemoSecrets.AlexaBridgeKey),
        new("ifttt", "IFTTT", IntegrationKind.Automation, WellKnownDemoSecrets.IftttBridgeKey),
    ];

    // MACs are locally administered (02:...), a range no generated vendor prefix uses.
    public static readonly IReadOnlyList<DemoDevice> Devices =
    [
        new("DEMO-CAM-0001", "02DE40000001", WellKnownDemoSecrets.AliceEmail, "Mi Home Security Camera Basic 1080p", "3.5.1_00.66", "EU"),
        new("DEMO-CAM-0002", "02DE40000002", WellKnownDemoSecrets.AliceEmail, "Mi Home Security Camera 360 2K", "4.1.6_0312", "EU"),
        new("DEMO-CAM-0003", "02DE40000003", WellKnownDemoSecrets.BobEmail, "Mi Home Security Camera Basic 1080p", "3.5.1_00.66", "US"),
        new("DEMO-CAM-0004", "02DE40000004", null, "Mi Home Security Camera Basic 1080p", "3.5.1_00.66", "EU"),
    ];

    public static readonly IReadOnlyList<DemoLink> Links =
    [
        new(WellKnownDemoSecrets.AliceEmail, "google-assistant", ["DEMO-CAM-0001"]),
        new(WellKnownDemoSecrets.AliceEmail, "alexa", ["DEMO-CAM-0001", "DEMO-CAM-0002"]),
        new(WellKnownDemoSecrets.BobEmail, "google-assistant", ["DEMO-CAM-0003"]),
        new(WellKnownDemoSecrets.BobEmail, "ifttt", ["DEMO-CAM-0003"]),
        new(WellKnownDemoSecrets.CarolEmail, "ifttt", []),
    ];

    public static IEnumerable<DemoUser> Customers => Users.Where(u => u.AccountRegion is not null);
}
