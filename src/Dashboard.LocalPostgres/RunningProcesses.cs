using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Dashboard.LocalPostgres;

/// <summary>The first line of postmaster.pid: the postmaster's process id (the rest is not needed here).</summary>
internal static class PostmasterPid
{
    public static int? Read(string pidFile)
    {
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(first?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}

internal static class RunningProcesses
{
    /// <summary>True when <paramref name="pid"/> is a live process called <c>postgres</c>: a pid in a stale
    /// postmaster.pid may since have been given to an unrelated process.</summary>
    public static bool IsPostgres(int pid) => NameOf(pid) == "postgres";

    /// <summary>
    /// True when <paramref name="pid"/> is a PostgreSQL server whose data folder is <paramref name="dataDirectory"/>.
    /// The postmaster's working folder is its data folder; on Linux that is checked, so a reused pid that now
    /// belongs to some other cluster's server is never stopped by mistake.
    /// </summary>
    public static bool IsPostmasterOf(int pid, string dataDirectory)
    {
        if (!IsPostgres(pid))
        {
            return false;
        }
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }
        try
        {
            var cwd = new DirectoryInfo($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cwd").LinkTarget;
            return cwd is not null &&
                string.Equals(Path.TrimEndingDirectorySeparator(cwd), Path.TrimEndingDirectorySeparator(dataDirectory), StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another user's process: not a cluster this process could have started.
            return false;
        }
    }

    /// <summary>True when <paramref name="pid"/> is alive and started at <paramref name="startedAt"/> (guards against pid reuse).</summary>
    public static bool IsAlive(int pid, DateTimeOffset startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !IsZombie(pid) &&
                Math.Abs((process.StartTime.ToUniversalTime() - startedAt.UtcDateTime).TotalSeconds) < 2;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>SIGINT: PostgreSQL's fast shutdown (ends sessions, checkpoints, exits).</summary>
    public static void SendFastShutdown(int pid)
    {
        const int SigInt = 2;
        _ = kill(pid, SigInt);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private static string? NameOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || IsZombie(pid) ? null : process.ProcessName;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// An exited server whose parent has not collected it yet (here PID 1 reaps orphans only now and then) still
    /// has a process entry; it is not running.
    /// </summary>
    private static bool IsZombie(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            // "pid (comm) S ...": the state follows the last ')' (comm itself may hold parentheses).
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            return state.StartsWith('Z') || state.StartsWith('X');
        }
        catch (IOException)
        {
            return true; // Gone between the two looks.
        }
    }
}

/// <summary>
/// Records which process started the cluster, so a later start can tell a server left behind by a crashed owner
/// (stop it, start afresh) from one still used by a live process (refuse: stopping it would break that process).
/// </summary>
internal sealed record ClusterOwner(int ProcessId, DateTimeOffset StartedAt)
{
    public static ClusterOwner Current
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return new ClusterOwner(self.Id, new DateTimeOffset(self.StartTime.ToUniversalTime()));
        }
    }

    public bool IsAlive => RunningProcesses.IsAlive(ProcessId, StartedAt);

    public static ClusterOwner? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) &&
            DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
            ? new ClusterOwner(pid, started)
            : null;
    }

    public void Write(string path) =>
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{ProcessId} {StartedAt:O}\n"));
}
