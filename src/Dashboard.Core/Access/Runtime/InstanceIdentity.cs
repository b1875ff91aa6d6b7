namespace Dashboard.Core.Access.Runtime;

/// <summary>This process as an enforcement point: a fresh id per start, so a restarted process never inherits a lease.</summary>
public sealed class InstanceIdentity
{
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public string Host { get; } = Truncate(Environment.MachineName, 200);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
