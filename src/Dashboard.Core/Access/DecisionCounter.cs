namespace Dashboard.Core.Access;

/// <summary>Best-effort telemetry: decisions per minute, integration and reason (the last seconds may be lost in a crash).</summary>
public sealed class DecisionCounter
{
    public DateTime Minute { get; set; }
    public Guid IntegrationId { get; set; }
    public required string Reason { get; set; }
    public long Count { get; set; }
}
