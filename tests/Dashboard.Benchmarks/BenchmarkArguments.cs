using System.Globalization;

namespace Dashboard.Benchmarks;

/// <summary><c>--name value</c>, <c>--name=value</c> and <c>--flag</c> options; anything else is an error.</summary>
public sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public BenchmarkArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                _options[arg[2..equals]] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _options[arg[2..]] = args[++i];
            }
            else
            {
                _options[arg[2..]] = null;
            }
        }
    }

    public long Long(string name, long defaultValue, long min)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var text))
        {
            return defaultValue;
        }
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ArgumentException($"--{name} must be a whole number of at least {min}, not '{text}'.");
        }
        return value;
    }

    /// <summary>Any text, or null when the option is not given.</summary>
    public string? Text(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var text))
        {
            return null;
        }
        return string.IsNullOrEmpty(text) ? throw new ArgumentException($"--{name} needs a value.") : text;
    }

    /// <summary>A word among <paramref name="allowed"/>.</summary>
    public string Choice(string name, string defaultValue, params string[] allowed)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var text))
        {
            return defaultValue;
        }
        return text is not null && allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new ArgumentException($"--{name} must be one of {string.Join(", ", allowed)}, not '{text}'.");
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>Call after reading every option: a misspelt option must not silently run the defaults.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}.");
        }
    }
}
