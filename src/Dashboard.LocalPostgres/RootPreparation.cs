namespace Dashboard.LocalPostgres;

/// <summary>
/// When this process is root, the cluster belongs to the <c>postgres</c> user: folders we create are handed to
/// it, and every folder above the data folder must let it through. Folders we did not create are never changed:
/// we name the one in the way instead.
/// </summary>
internal static class RootPreparation
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    public static async Task PrepareAsync(DataFolder folder, IReadOnlyList<string> created, CommandRunner runner, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No root, no postgres user.
        }
        var handOver = new List<string>(created);
        if (!folder.IsInitialized && !handOver.Contains(folder.Path))
        {
            // An empty data folder someone made for us: initdb (as postgres) must own it.
            handOver.Add(folder.Path);
        }
        if (!File.Exists(folder.LogFile))
        {
            // pg_ctl (as postgres) appends to the log; the parent folder need not be writable by postgres.
            await File.WriteAllTextAsync(folder.LogFile, "", ct);
            handOver.Add(folder.LogFile);
        }
        if (handOver.Count > 0)
        {
            await Chown(handOver, ct);
        }

        foreach (var dir in folder.Ancestors().Where(d => !created.Contains(d)))
        {
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) != 0)
            {
                continue;
            }
            // Not open to everyone; postgres may still pass as owner or group member: ask the system, as postgres.
            var probe = await runner.RunAsync("test", ["-x", dir], Quick, ct);
            if (!probe.Succeeded)
            {
                throw new LocalPostgresException(
                    $"PostgreSQL runs as the '{UnixUser.PostgresAccount}' user, which cannot enter '{dir}' " +
                    $"(needed to reach the data folder '{folder.Path}'). Choose a data folder outside it with " +
                    $"Dashboard__DataDir (for example /var/lib/fleet-dashboard), or allow it: chmod o+x {dir}");
            }
        }
    }

    private static async Task Chown(IEnumerable<string> paths, CancellationToken ct)
    {
        var direct = new CommandRunner(asPostgresUser: false);
        await direct.RunCheckedAsync("chown", [$"{UnixUser.PostgresAccount}:", .. paths], Quick, ct);
    }
}
