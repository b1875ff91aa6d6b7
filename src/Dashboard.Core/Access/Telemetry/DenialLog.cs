using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Observability;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>
/// Logs, at Debug only, the denials someone may be chasing during an incident: a kill switch took effect, or a bridge
/// asked for a camera its account does not own. The decision path logs nothing per decision at Information or above:
/// at thousands of decisions a second that would be the log's whole volume and a cost on every answer. Counters and
/// the not_owner record are where decisions are kept (decision 0006); this is for following one request's story.
/// </summary>
public sealed partial class DenialLog(ILogger<DenialLog> logger) : IAccessDecisionObserver
{
    public void Decided(in AccessRequest request, DecisionOutcome outcome)
    {
        var reason = outcome.Decision.Reason;
        if (reason is not (DecisionReason.KillSwitch or DecisionReason.NotOwner) || !logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }
        LogDenied(logger, reason.ToWireName(), request.IntegrationId, request.AccountId, request.Serial,
            AccessActionNames.TryGetName(request.Action, out var action) ? action : "unknown",
            outcome.DecisionId, CorrelationId.Current);
    }

    public void Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome)
    {
        // A listing omits what is denied; there is no single denial to log.
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Denied {Reason}: integration {IntegrationId}, account {AccountId}, device {DeviceSerial}, action {Action}; decision {DecisionId}, correlation {CorrelationId}")]
    private static partial void LogDenied(ILogger logger, string reason, Guid integrationId, Guid accountId,
        string deviceSerial, string action, string decisionId, string? correlationId);
}
