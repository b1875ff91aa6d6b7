using Microsoft.Extensions.Logging;

namespace Dashboard.LocalPostgres;

/// <summary>
/// Throwaway clusters whose owning process died without stopping them (a test host killed on a timeout) keep a
/// server running and a folder on disk. This finds them by their owner file and stops and deletes them.
/// </summary>
public static class AbandonedClusters
{
    /// <summary>Cleans every cluster folder directly below <paramref name="parent"/> whose name starts with
    /// <paramref name="prefix"/> and whose owner is gone. Folders of live owners are left alone.</summary>
    public static async Task CleanUpAsync(string parent, string prefix, ILogger logger, CancellationToken ct = default)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }
        foreach (var root in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var owners = Directory.EnumerateFiles(root, "*.owner").ToList();
            var justCreated = owners.Count == 0 && Directory.GetLastWriteTimeUtc(root) > DateTime.UtcNow - TimeSpan.FromMinutes(10);
            if (justCreated || owners.Any(o => ClusterOwner.Read(o) is { IsAlive: true }))
            {
                continue; // In use, or a cluster another process is still creating (no owner file yet).
            }
            foreach (var owner in owners)
            {
                await StopIfRunningAsync(new DataFolder(Path.ChangeExtension(owner, null)), logger, ct);
            }
            PostgresLog.DeletingAbandonedFolder(logger, root);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException ex)
            {
                PostgresLog.FolderNotDeleted(logger, ex, root);
            }
        }
    }

    private static async Task StopIfRunningAsync(DataFolder folder, ILogger logger, CancellationToken ct)
    {
        if (PostmasterPid.Read(folder.PostmasterPidFile) is not { } pid || !RunningProcesses.IsPostmasterOf(pid, folder.Path))
        {
            return;
        }
        PostgresLog.StoppingAbandonedServer(logger, pid, folder.Path);
        var binaries = PostgresBinaries.Locate(null);
        var runner = new CommandRunner(asPostgresUser: UnixUser.IsRoot);
        await runner.RunAsync(binaries.PgCtl, ["stop", "-D", folder.Path, "-m", "immediate", "-w", "-t", "30"], TimeSpan.FromSeconds(60), ct);
    }
}
