using System.Threading.Channels;
using Dashboard.Core.Access.Runtime;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>
/// Hears every decision on the hot path and keeps what <see cref="DecisionTelemetryWriter"/> stores: a count per
/// (minute, integration, reason), and every not_owner decision in full. Never blocks: a not_owner decision that finds
/// the queue full is dropped and counted.
/// </summary>
public sealed class DecisionTelemetry : IAccessDecisionObserver
{
    private readonly Channel<NotOwnerDecision> queue;
    private readonly TimeProvider time;
    private readonly int batchSize;
    private long dropped;
    private int wakeRequested;

    public DecisionTelemetry(IOptions<TelemetryOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        this.time = time;
        batchSize = settings.BatchSize;
        Activity = new DeviceActivityTally(settings.ActivityCapacity);
        queue = Channel.CreateBounded<NotOwnerDecision>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            // TryWrite on a full queue then fails at once instead of waiting, and the decision is counted as dropped.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public DecisionTally Tally { get; } = new();

    /// <summary>Decisions per camera, account and service: the customer's activity list.</summary>
    public DeviceActivityTally Activity { get; }

    /// <summary>not_owner decisions dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>not_owner decisions waiting for the writer.</summary>
    public int Queued => queue.Reader.Count;

    /// <summary>Raised (once until the next take) when the queue holds a full batch: the writer flushes early.</summary>
    public event Action? BatchReady;

    public void Decided(in AccessRequest request, DecisionOutcome outcome)
    {
        var now = time.GetUtcNow();
        var reason = outcome.Decision.Reason;
        var minute = CounterKey.MinuteOf(now);
        Tally.Count(new CounterKey(minute, request.IntegrationId, reason));
        if (IsAboutOwnCamera(reason))
        {
            Activity.Count(new DeviceActivityKey(
                minute, request.AccountId, request.IntegrationId, request.Serial, request.Action, reason));
        }
        if (reason != DecisionReason.NotOwner)
        {
            return;
        }
        var record = new NotOwnerDecision
        {
            DecisionId = outcome.DecisionId,
            IntegrationId = request.IntegrationId,
            AccountId = request.AccountId,
            DeviceSerial = request.Serial,
            Action = AccessActionNames.TryGetName(request.Action, out var action) ? action : "unknown",
            At = now.UtcDateTime,
            // The request's own id (the API sets it for the request): read here, on the request's flow, because
            // the writer runs later on another.
            CorrelationId = Observability.CorrelationId.Current,
        };
        if (!queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref dropped);
            return;
        }
        if (queue.Reader.Count >= batchSize && Interlocked.Exchange(ref wakeRequested, 1) == 0)
        {
            BatchReady?.Invoke();
        }
    }

    /// <summary>
    /// Reasons decided once the account and the camera were found and the camera was the account's own: only these
    /// belong in her activity list. unknown_account has no customer; unknown_device and not_owner name a serial that
    /// is not hers, and listing it would tell her whether somebody else's camera exists.
    /// </summary>
    public static bool IsAboutOwnCamera(DecisionReason reason) => reason is not
        (DecisionReason.UnknownAccount or DecisionReason.UnknownDevice or DecisionReason.NotOwner);

    public void Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome)
    {
        // A listing asks about no particular device, so it can be neither counted per reason nor be a not_owner.
    }

    /// <summary>Takes up to <paramref name="max"/> queued not_owner decisions, oldest first.</summary>
    public List<NotOwnerDecision> TakeNotOwner(int max)
    {
        Volatile.Write(ref wakeRequested, 0);
        var batch = new List<NotOwnerDecision>(Math.Min(max, Math.Max(queue.Reader.Count, 1)));
        while (batch.Count < max && queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
        return batch;
    }

    /// <summary>Counts decisions that were taken from the queue but could not be stored.</summary>
    public void CountDropped(int count) => Interlocked.Add(ref dropped, count);
}
