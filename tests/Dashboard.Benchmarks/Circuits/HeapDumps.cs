using System.Diagnostics;

namespace Dashboard.Benchmarks.Circuits;

/// <summary>
/// Optional: writes a <c>dotnet-gcdump</c> of the app (the types on its heap after a full collection) at each reading,
/// so the heap with circuits can be compared with the baseline type by type
/// (<c>dotnet-gcdump report FILE</c>). Needs the dotnet-gcdump tool (<c>dotnet tool install dotnet-gcdump</c>), found
/// on PATH or at <c>DASHBOARD_GCDUMP</c>.
/// </summary>
public sealed class HeapDumps(string folder, int processId)
{
    public async Task WriteAsync(string label, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{label}.gcdump");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DASHBOARD_GCDUMP") ?? "dotnet-gcdump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "collect", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", path })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet-gcdump did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet-gcdump failed ({process.ExitCode}): {await output}{await error}");
        }
        Console.WriteLine($"    heap dump: {path}");
    }
}
