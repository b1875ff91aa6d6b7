namespace Dashboard.Core.Access;

/// <summary>
/// Best-effort telemetry for a customer's activity list: decisions about one of her cameras by one service, per
/// minute (UTC), action and reason. Like <see cref="DecisionCounter"/>, the last seconds may be lost in a crash.
/// </summary>
public sealed class DeviceDecisionCount
{
    public DateTime Minute { get; set; }
    public Guid AccountId { get; set; }
    public Guid IntegrationId { get; set; }
    public required string DeviceSerial { get; set; }
    public required string Action { get; set; }

    /// <summary><c>allow</c> or <c>deny</c>: the wire name of the decision (derived from the reason, kept for reading).</summary>
    public required string Decision { get; set; }

    public required string Reason { get; set; }
    public long Count { get; set; }
}
