using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Data;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>
/// Switches that still deny (pending lifts first), the two lift steps, and the paged history of lifted switches.
/// Which step each switch offers is the kill switch handler's answer; the steps ask it again when taken, and
/// <see cref="KillSwitchService"/> refuses self-approval again under the switch's row lock whatever the page shows.
/// </summary>
public sealed partial class KillSwitchList
{
    private const int HistoryPageSize = 20;

    // Switches that deny are few in practice; more than this is shown as a note rather than paged.
    private const int DenyingLimit = 200;

    private IReadOnlyList<KillSwitchRecord>? denying;
    private long denyingTotal;
    private Paged<KillSwitchRecord>? history;
    private int historyVersion;
    private IReadOnlyDictionary<Guid, string> accountEmails = new Dictionary<Guid, string>();
    private IReadOnlyDictionary<Guid, IReadOnlySet<string>> allowed = new Dictionary<Guid, IReadOnlySet<string>>();
    private bool busy;
    private Message? message;

    [Inject] private KillSwitchService KillSwitches { get; set; } = default!;
    [Inject] private KillSwitchHistory History { get; set; } = default!;
    [Inject] private ScopeSubjects Subjects { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ResourceFacts Facts { get; set; } = default!;

    private IReadOnlyList<KillSwitchRecord> Pending => denying!.Where(k => k.Status == KillSwitchStatus.PendingApproval).ToArray();
    private IReadOnlyList<KillSwitchRecord> Active => denying!.Where(k => k.Status == KillSwitchStatus.Active).ToArray();

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var page = await History.ListAsync(KillSwitchListFilter.Denying, new PageRequest(1, DenyingLimit));
        var lifted = await History.ListAsync(KillSwitchListFilter.Lifted, PageRequest.First(HistoryPageSize));
        await LearnEmailsAsync(page.Items.Concat(lifted.Items));
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        var operations = new Dictionary<Guid, IReadOnlySet<string>>();
        foreach (var record in page.Items)
        {
            operations[record.Id] = await Authorization.AllowedAsync(user, KillSwitchResource.Of(record), KillSwitchOperations.All);
        }
        (denying, denyingTotal, history, allowed) = (page.Items, page.Total, lifted, operations);
        historyVersion++;
    }

    private bool Allows(KillSwitchRecord record, KillSwitchOperationRequirement operation) =>
        allowed.TryGetValue(record.Id, out var names) && names.Contains(operation.Name);

    private async Task RefreshAsync()
    {
        busy = true;
        try
        {
            message = null;
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task<Paged<KillSwitchRecord>> LoadHistoryAsync(int pageNumber)
    {
        var page = await History.ListAsync(KillSwitchListFilter.Lifted, new PageRequest(pageNumber, HistoryPageSize));
        await LearnEmailsAsync(page.Items);
        return page;
    }

    private async Task LearnEmailsAsync(IEnumerable<KillSwitchRecord> records)
    {
        var ids = records.SelectMany(r => r.Scope.Accounts ?? []).Where(id => !accountEmails.ContainsKey(id)).ToArray();
        if (ids.Length == 0)
        {
            return;
        }
        var found = await Subjects.AccountEmailsAsync(ids);
        accountEmails = accountEmails.Concat(found).ToDictionary(p => p.Key, p => p.Value);
    }

    private string Words(KillSwitchRecord record) => ScopeWords.Describe(record.Scope, accountEmails);

    private async Task RequestLiftAsync(KillSwitchRecord record)
    {
        var confirmed = await Dialogs.OpenAsync<ReasonDialog>("Request a lift",
            new Dictionary<string, object?>
            {
                [nameof(ReasonDialog.Summary)] = $"Ask for “{Words(record)}” to be lifted. It keeps denying until another vendor admin approves the lift.",
                [nameof(ReasonDialog.ConfirmText)] = "Request lift",
                [nameof(ReasonDialog.MaxReasonLength)] = KillSwitchInput.MaxReasonLength,
            },
            new DialogOptions { Width = "36rem" }) as ReasonDialogResult;
        if (confirmed is null)
        {
            return;
        }
        // The same reason rules as the API (the dialog only checks that one was given).
        var errors = new ValidationErrors();
        if (KillSwitchInput.Reason(errors, "reason", confirmed.Reason) is not { } reason)
        {
            message = new Message(AlertStyle.Danger, "Reason: " + string.Join(" ", errors.ToDictionary()["reason"]) + " Nothing was changed.");
            return;
        }
        await RunAsync(record, KillSwitchOperations.RequestLift, async actor =>
        {
            var result = await KillSwitches.RequestLiftAsync(record.Id, reason, actor);
            message = result.Outcome == LiftOutcome.Done
                ? new Message(AlertStyle.Info, "Lift requested. The switch keeps denying until another vendor admin approves it.")
                : new Message(AlertStyle.Danger, KillSwitchInput.RefusalMessage(record.Id, result));
        });
    }

    private async Task ApproveAsync(KillSwitchRecord record)
    {
        var confirmed = await Dialogs.Confirm(
            $"Approve lifting “{Words(record)}”? Requests it denies are decided normally again once every enforcement point has applied the lift.",
            "Approve lift", new ConfirmOptions { OkButtonText = "Approve lift", CancelButtonText = "Cancel" });
        if (confirmed != true)
        {
            return;
        }
        await RunAsync(record, KillSwitchOperations.ApproveLift, async actor =>
        {
            try
            {
                var result = await KillSwitches.ApproveLiftAsync(record.Id, actor);
                message = result.Outcome == LiftOutcome.Done && result.Propagation is { } proof
                    ? new Message(AlertStyle.Success, $"Lift approved. Propagation completed: {KillSwitchFormat.Proof(proof)}.")
                    : new Message(AlertStyle.Danger, KillSwitchInput.RefusalMessage(record.Id, result));
            }
            catch (PropagationTimeoutException e)
            {
                message = new Message(AlertStyle.Warning,
                    $"The lift is recorded at revision {e.Revision}, but only {e.Progress.Confirmed} of {e.Progress.EnforcementPoints} "
                    + "enforcement points confirmed it in time. It takes effect everywhere once each applies it.");
            }
        });
    }

    /// <summary>Takes a step if the handler allows it on the switch as it is now (re-read), else says why not.</summary>
    private async Task RunAsync(KillSwitchRecord record, KillSwitchOperationRequirement operation, Func<string, Task> step)
    {
        busy = true;
        message = null;
        try
        {
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            var current = await Facts.KillSwitchAsync(record.Id) ?? KillSwitchResource.Of(record);
            var decision = await Authorization.AuthorizeAsync(user, current, operation);
            if (decision.Succeeded)
            {
                await step(user.AuditActor());
            }
            else
            {
                message = new Message(AlertStyle.Danger,
                    decision.Failure?.FailureReasons.FirstOrDefault()?.Message ?? "You may not do this to this kill switch.");
            }
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private sealed record Message(AlertStyle Style, string Text);
}
