using System.Diagnostics;
using System.Text;

namespace Dashboard.LocalPostgres;

internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs the server programs: directly for a normal user, through <c>runuser -u postgres --</c> for root
/// (initdb and postgres refuse to run as root).
/// </summary>
internal sealed class CommandRunner(bool asPostgresUser)
{
    public bool AsPostgresUser => asPostgresUser;

    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgresUser ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            // The caller's folder (say /root) may not be readable by postgres; "/" always is.
            WorkingDirectory = "/",
        };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", UnixUser.PostgresAccount, "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        // English messages, whatever the caller's locale: the runner reads some of them.
        start.Environment["LC_MESSAGES"] = "C";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LocalPostgresException($"Could not run {start.FileName}: {ex.Message}", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new LocalPostgresException($"{Describe(program, arguments)} did not finish within {timeout.TotalSeconds:0} s. Output:\n{Snapshot(output)}");
        }
        return new CommandResult(process.ExitCode, Snapshot(output));
    }

    /// <summary>Synchronous variant for the process-exit safety net, where awaiting is not possible.</summary>
    public CommandResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        RunAsync(program, arguments, timeout, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<CommandResult> RunCheckedAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var result = await RunAsync(program, arguments, timeout, ct);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException($"{Describe(program, arguments)} failed (exit code {result.ExitCode}):\n{result.Output}");
        }
        return result;
    }

    public static string Describe(string program, IEnumerable<string> arguments) =>
        Path.GetFileName(program) + " " + string.Join(' ', arguments);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString().TrimEnd();
        }
    }
}
