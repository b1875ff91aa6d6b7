using Dashboard.Core.Access;

namespace Dashboard.Core.Seeding;

/// <summary>A camera model of the generated fleet: its serial prefix, vendor MAC prefixes and firmware in the field.</summary>
/// <param name="Weight">Relative share of the fleet.</param>
/// <param name="Firmware">Versions in the field, most common first, with relative shares.</param>
/// <param name="Ouis">Vendor MAC prefixes (24 bits); each one holds 2^24 devices.</param>
public sealed record CameraModel(
    string Name, string SerialPrefix, int Weight, IReadOnlyList<(string Version, int Weight)> Firmware, IReadOnlyList<uint> Ouis);

/// <summary>A sales region with its share of the fleet and the names its customers tend to have.</summary>
public sealed record FleetRegion(string Code, int Weight, IReadOnlyList<string> FirstNames, IReadOnlyList<string> LastNames);

/// <summary>An integration the generated accounts link to, with the share of accounts that do.</summary>
public sealed record FleetIntegration(string Key, double LinkShare);

/// <summary>
/// What the generated fleet is made of. Changing anything here changes what the generator produces for the
/// same index, so an existing database would then get a mix: append to the lists, never reorder them.
/// </summary>
public static class FleetCatalog
{
    /// <summary>Room reserved per account for link ids (<see cref="FleetIds.Link"/>).</summary>
    public const int MaxIntegrations = 8;

    private static readonly uint[] XiaomiOuis = [0x286C07, 0x6490C1, 0x788B2A, 0x04CF8C];
    private static readonly uint[] ImilabOuis = [0x5C0272, 0x5C0273, 0x5C0274, 0x5C0275];
    private static readonly uint[] AqaraOuis = [0x54EF44, 0x54EF45, 0x54EF46, 0x54EF47];
    private static readonly uint[] YiOuis = [0x0C8C24, 0x0C8C25, 0x0C8C26, 0x0C8C27];

    /// <summary>Every model's vendor prefixes hold 2^24 devices each: the most the generator can number.</summary>
    public const long MaxDevices = 4L << 24;

    public static readonly IReadOnlyList<CameraModel> Models =
    [
        new("Mi Home Security Camera Basic 1080p", "MJSXJ02CM", 14,
            [("3.5.1_00.66", 6), ("3.5.1_00.70", 3), ("3.4.9_00.48", 1)], XiaomiOuis),
        new("Mi Home Security Camera 360 1080p", "MJSXJ05CM", 16,
            [("4.0.9_0420", 5), ("4.0.8_0410", 3), ("4.0.7_0380", 1)], XiaomiOuis),
        new("Mi Home Security Camera 360 2K", "MJSXJ09CM", 14,
            [("4.1.6_0312", 5), ("4.1.6_0330", 3), ("4.1.5_0290", 2)], XiaomiOuis),
        new("Mi Home Security Camera 2K (Magnetic Mount)", "MJSXJ03HL", 6,
            [("4.2.1_0160", 3), ("4.2.0_0120", 1)], XiaomiOuis),
        new("Mi 360 Home Security Camera 2K Pro", "MJSXJ06CM", 7,
            [("4.3.4_0223", 3), ("4.3.2_0200", 1)], XiaomiOuis),
        new("Mi Outdoor Camera AW200", "MJSXJ05HL", 5,
            [("5.0.3_0045", 3), ("5.0.2_0030", 1)], XiaomiOuis),
        new("Mi Outdoor Camera AW300 2K", "MBC20", 4,
            [("5.1.1_0012", 2), ("5.1.0_0008", 1)], XiaomiOuis),
        new("Mi Smart Camera C200", "MJSXJ14CM", 9,
            [("4.3.8_0089", 3), ("4.3.7_0071", 1)], XiaomiOuis),
        new("Mi Smart Camera C300", "XMC01", 8,
            [("4.4.2_0150", 3), ("4.4.1_0121", 1)], XiaomiOuis),
        new("Mi Smart Camera C400", "MJSXJ11CM", 5,
            [("4.5.0_0032", 2), ("4.4.9_0028", 1)], XiaomiOuis),
        new("Mi Home Security Camera Battery Set", "MWC11", 2,
            [("3.0.2_0018", 1)], XiaomiOuis),
        new("Imilab Home Security Camera C20", "CMSXJ36A", 3,
            [("5.2.0_0101", 2), ("5.1.9_0098", 1)], ImilabOuis),
        new("Imilab EC4 Spotlight Battery Camera", "CMSXJ31A", 2,
            [("2.1.5_0506", 1)], ImilabOuis),
        new("Aqara Camera Hub G3", "CHH03", 2,
            [("4.0.4_0009", 2), ("4.0.3_0005", 1)], AqaraOuis),
        new("Yi Home Camera 3", "YHS3017", 2,
            [("9.0.39_6", 2), ("9.0.38_2", 1)], YiOuis),
    ];

    public static readonly IReadOnlyList<FleetRegion> Regions =
    [
        new("EU", 30,
            ["Lena", "Jonas", "Sofia", "Luca", "Emma", "Noah", "Marie", "Lucas", "Julia", "Elias"],
            ["Fischer", "Rossi", "Dubois", "Novak", "Jansen", "Garcia", "Schmidt", "Lindqvist", "Kowalski", "Moreau"]),
        new("US", 22,
            ["Olivia", "Liam", "Ava", "Ethan", "Mia", "James", "Harper", "Benjamin"],
            ["Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Clark"]),
        new("CN", 20,
            ["Wei", "Fang", "Min", "Jun", "Li", "Hui", "Jing", "Lei"],
            ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang"]),
        new("APAC", 15,
            ["Aarav", "Ananya", "Haruto", "Yui", "Minjun", "Seoyeon", "Siti", "Arjun"],
            ["Sharma", "Tanaka", "Kim", "Nguyen", "Sato", "Park", "Tan", "Patel"]),
        new("LATAM", 8,
            ["Mateo", "Valentina", "Santiago", "Camila", "Diego", "Lucia"],
            ["Silva", "Santos", "Gonzalez", "Rodriguez", "Pereira", "Lopez"]),
        new("MEA", 5,
            ["Omar", "Layla", "Yusuf", "Amina", "Karim", "Noura"],
            ["Haddad", "Mansour", "Okafor", "Naidoo", "Khalil", "Mensah"]),
    ];

    /// <summary>Reserved example domains: generated addresses never reach a real mailbox.</summary>
    public static readonly IReadOnlyList<string> EmailDomains = ["example.com", "example.net", "example.org"];

    /// <summary>The demo integrations, by position (the position is part of the link ids: append only).</summary>
    public static readonly IReadOnlyList<FleetIntegration> Integrations =
    [
        new("google-assistant", 0.35),
        new("alexa", 0.25),
        new("ifttt", 0.12),
    ];

    /// <summary>What a link grants when it does not grant everything (an automation that may not move cameras).</summary>
    public const AccessActions ReducedGrant = AccessActions.Stream | AccessActions.Snapshot | AccessActions.Events;
}
