using System.Runtime.InteropServices;

namespace Dashboard.LocalPostgres;

/// <summary>Who this process runs as. PostgreSQL refuses to run as root, so root hands the cluster to <c>postgres</c>.</summary>
internal static class UnixUser
{
    /// <summary>The account that owns and runs the cluster when this process is root (Debian's package creates it).</summary>
    public const string PostgresAccount = "postgres";

    public static bool IsRoot { get; } = !OperatingSystem.IsWindows() && geteuid() == 0;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();
}
