using System.Globalization;

namespace Dashboard.Web.Seeding;

/// <summary>
/// The arguments of <c>seed</c>: <c>--devices N</c> (or <c>--devices=N</c>), N a positive whole number. Settings
/// such as <c>--Dashboard:DataDir=/x</c> may follow; the host's configuration reads them.
/// </summary>
internal static class SeedArguments
{
    public const string Usage = "Usage: seed --devices N   (adds N generated devices, with their accounts, links and exposures; N >= 1)";

    /// <summary>The device count, or the reason the arguments are not usable.</summary>
    public static (long? Devices, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--devices=", StringComparison.Ordinal))
            {
                value = arg["--devices=".Length..];
            }
            else if (arg == "--devices")
            {
                if (i + 1 >= args.Count)
                {
                    return (null, "--devices needs a number.");
                }
                value = args[++i];
            }
            else if (IsSetting(arg))
            {
                // "--Section:Key value" carries its value in the next argument.
                i += arg.Contains('=', StringComparison.Ordinal) ? 0 : 1;
            }
            else
            {
                return (null, $"Unknown argument '{arg}'.");
            }
        }

        if (value is null)
        {
            return (null, "--devices N is required.");
        }
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var devices))
        {
            return (null, $"--devices must be a whole number, not '{value}'.");
        }
        if (devices < 1)
        {
            return (null, $"--devices must be at least 1, not {devices}.");
        }
        return (devices, null);
    }

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal);
}
