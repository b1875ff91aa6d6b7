namespace Dashboard.Core.Access;

/// <summary>
/// Every <c>not_owner</c> decision, kept in full: a bridge asking for a camera on behalf of an account that does not
/// own it is the signature of the cross-tenant leaks this product exists to stop.
/// </summary>
public sealed class NotOwnerDecision
{
    public long Id { get; set; }
    public required string DecisionId { get; set; }
    public Guid IntegrationId { get; set; }
    public Guid AccountId { get; set; }
    public required string DeviceSerial { get; set; }
    public required string Action { get; set; }
    public DateTime At { get; set; }

    /// <summary>The correlation id of the API call that asked (see <c>CorrelationId</c>); null for older rows.</summary>
    public string? CorrelationId { get; set; }
}
