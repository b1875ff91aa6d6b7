using System.Globalization;

namespace Dashboard.Benchmarks;

/// <summary>
/// CPU time used by a process tree, from /proc (Linux). On a shared, busy machine wall-clock rates swing with
/// everyone else's load; the CPU seconds a run needed do not, so the report gives both.
/// </summary>
public static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    /// <summary>
    /// CPU time of <paramref name="rootPid"/>, its exited children (reaped into its own counters) and its live
    /// children: for PostgreSQL's postmaster, the whole server.
    /// </summary>
    public static TimeSpan OfTree(int rootPid)
    {
        var root = Read(rootPid);
        if (root is null)
        {
            return TimeSpan.Zero;
        }
        var ticks = root.Value.Own + root.Value.Children;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } stat && stat.ParentPid == rootPid)
            {
                ticks += stat.Own + stat.Children;
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The 1-minute load average: how busy the machine was around a run.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static (int ParentPid, long Own, long Children)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
        // Fields after the command name, which is in parentheses and may contain spaces.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
