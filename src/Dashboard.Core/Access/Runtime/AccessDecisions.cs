using System.Diagnostics;
using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Observability;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Answers access questions for this instance. While the lease holds, from the catalog and the cache (a miss reads
/// the subject's facts from the database and caches them); otherwise from the database alone, catalog included, in
/// one snapshot. When neither is possible it throws <see cref="AccessUnavailableException"/>: never an allow.
/// </summary>
/// <remarks>
/// Callers hold a <see cref="DecisionTicket"/> from <see cref="Enter"/> until the answer is written, so a change is
/// reported as applied only after every decision made on older facts has been answered:
/// <code>
/// using var ticket = decisions.Enter();
/// var outcome = await decisions.DecideAsync(ticket, request, ct);
/// await WriteAnswerAsync(outcome);   // then the ticket is released
/// </code>
/// </remarks>
public sealed class AccessDecisions(
    AccessState state,
    FactsCache cache,
    AccessFactsReader reader,
    InFlightDecisions inFlight,
    LocalLease lease,
    IEnumerable<IAccessDecisionObserver> observers,
    TimeProvider time,
    ILogger<AccessDecisions> logger)
{
    private readonly IAccessDecisionObserver[] observers = [.. observers];

    public DecisionTicket Enter() => inFlight.Enter();

    public ValueTask<DecisionOutcome> DecideAsync(DecisionTicket ticket, AccessRequest request, CancellationToken ct) =>
        DashboardActivities.Source.HasListeners() ? DecideTracedAsync(ticket, request, ct) : DecideUntracedAsync(ticket, request, ct);

    // An async method of its own, so the span it makes current ends with it and never leaks into the caller.
    private async ValueTask<DecisionOutcome> DecideTracedAsync(DecisionTicket ticket, AccessRequest request, CancellationToken ct)
    {
        using var activity = DashboardActivities.Start(DashboardActivities.Decide);
        activity?.SetTag("dashboard.integration_id", request.IntegrationId);
        activity?.SetTag("dashboard.action", AccessActionNames.TryGetName(request.Action, out var action) ? action : "unknown");
        try
        {
            var outcome = await DecideUntracedAsync(ticket, request, ct);
            activity?.SetTag("dashboard.decision_id", outcome.DecisionId);
            activity?.SetTag("dashboard.decision", outcome.Decision.Decision.ToWireName());
            activity?.SetTag("dashboard.reason", outcome.Decision.Reason.ToWireName());
            activity?.SetTag("dashboard.facts", AccessMetrics.CacheResult(outcome.Source));
            return outcome;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private ValueTask<DecisionOutcome> DecideUntracedAsync(DecisionTicket ticket, AccessRequest request, CancellationToken ct)
    {
        EnsureHeld(ticket);
        try
        {
            if (lease.Holds)
            {
                // Applied revision first, then the catalog, then the generations: each is published before the next by
                // the applier, so what is read here is at least as new as the revision reported.
                var applied = state.AppliedRevision;
                var catalog = state.Catalog;
                if (catalog.TryGetIntegration(request.IntegrationId, out var integration))
                {
                    var key = FactsKey.For(request);
                    if (cache.TryGet(key, out var subject))
                    {
                        var facts = subject.With(integration, catalog.KillSwitches, applied);
                        return ValueTask.FromResult(Complete(request, facts, DecisionSource.Cache));
                    }
                    return MissAsync(request, key, integration, catalog, applied, ct);
                }
                // An integration the catalog does not know yet: ask the database, which does.
            }
            return FromDatabaseAsync(request, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// What the integration may reach for the account. Always read from the database in one snapshot (catalog
    /// included): it is asked at sync time, not per stream, and so never depends on who notified which owner.
    /// </summary>
    public async Task<VisibleDevicesOutcome> VisibleDevicesAsync(
        DecisionTicket ticket, Guid integrationId, Guid accountId, CancellationToken ct)
    {
        EnsureHeld(ticket);
        AccountFleetFacts fleet;
        try
        {
            fleet = await reader.ReadFleetAsync(integrationId, accountId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Unavailable(e);
        }
        var outcome = new VisibleDevicesOutcome(fleet.Revision, VisibleDevices.For(integrationId, accountId, fleet));
        foreach (var observer in observers)
        {
            Observe(() => observer.Listed(integrationId, accountId, outcome));
        }
        return outcome;
    }

    private async ValueTask<DecisionOutcome> MissAsync(
        AccessRequest request, FactsKey key, IntegrationFacts integration, PolicyCatalog catalog, long applied, CancellationToken ct)
    {
        try
        {
            // Captured before the read: an invalidation that lands during the read makes this entry stale at once.
            var stamp = cache.Generations.Capture(key);
            var subject = await reader.ReadSubjectAsync(key, ct);
            cache.Add(key, subject, stamp);
            if (!lease.Holds)
            {
                // The lease lapsed during the read: the catalog may no longer be trusted, so a waiter may already have
                // counted this instance out. Decide from the database alone.
                return await FromDatabaseAsync(request, ct);
            }
            // The subject is as new as its read; the catalog is current up to the later of its read and the applied
            // revision. The answer is reported at the older of the two, never claiming more than it reflects.
            var revision = Math.Min(subject.Revision, Math.Max(catalog.Revision, applied));
            return Complete(request, subject.With(integration, catalog.KillSwitches, revision), DecisionSource.CacheMiss);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Unavailable(e);
        }
    }

    private async ValueTask<DecisionOutcome> FromDatabaseAsync(AccessRequest request, CancellationToken ct)
    {
        try
        {
            var (subject, integration, switches) = await reader.ReadSubjectWithPolicyAsync(FactsKey.For(request), ct);
            return Complete(request, subject.With(integration, switches, subject.Revision), DecisionSource.Database);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Unavailable(e);
        }
    }

    private DecisionOutcome Complete(in AccessRequest request, AccessFacts facts, DecisionSource source)
    {
        var outcome = new DecisionOutcome(DecisionEngine.Decide(request, facts), DecisionIds.New(time), source);
        foreach (var observer in observers)
        {
            try
            {
                observer.Decided(request, outcome);
            }
            catch (Exception e)
            {
                // Telemetry is best effort; the decision stands.
                RuntimeLog.ObserverFailed(logger, e);
            }
        }
        return outcome;
    }

    private void Observe(Action notify)
    {
        try
        {
            notify();
        }
        catch (Exception e)
        {
            RuntimeLog.ObserverFailed(logger, e);
        }
    }

    private static void EnsureHeld(DecisionTicket ticket)
    {
        if (!ticket.IsHeld)
        {
            throw new ArgumentException("Take a ticket with Enter() and hold it until the answer is written.", nameof(ticket));
        }
    }

    private AccessUnavailableException Unavailable(Exception e)
    {
        if (e is AccessUnavailableException unavailable)
        {
            return unavailable;
        }
        RuntimeLog.DecisionFailed(logger, e);
        return new AccessUnavailableException(e);
    }
}
