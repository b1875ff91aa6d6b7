using Dashboard.Core.Data;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Components.Actions;
using Dashboard.Web.Components.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>
/// Switches that still deny (pending lifts first), the two lift steps, and the paged history of lifted switches.
/// Which step each switch offers is the kill switch handler's answer; the steps ask it again when taken, and
/// <see cref="KillSwitchService"/> refuses self-approval again under the switch's row lock whatever the page shows.
/// Another admin's steps show up on their own: the page reads the switches again every few seconds
/// (docs/decisions/0050-live-kill-switch-pages.md).
/// </summary>
public sealed partial class KillSwitchList : IDisposable
{
    private const int HistoryPageSize = 20;

    // Switches that deny are few in practice; more than this is shown as a note rather than paged.
    private const int DenyingLimit = 200;

    private LiveRefresh? live;
    private ActionHost actions = default!;
    private MudTable<KillSwitchRecord>? liftedTable;
    private IReadOnlyList<KillSwitchRecord>? denying;
    private long denyingTotal;
    private IReadOnlyDictionary<Guid, string> accountEmails = new Dictionary<Guid, string>();
    private IReadOnlyDictionary<Guid, IReadOnlySet<string>> allowed = new Dictionary<Guid, IReadOnlySet<string>>();

    [Inject] private KillSwitchService KillSwitches { get; set; } = default!;
    [Inject] private KillSwitchHistory History { get; set; } = default!;
    [Inject] private ScopeSubjects Subjects { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ResourceFacts Facts { get; set; } = default!;
    [Inject] private IStringLocalizer<KillSwitchList> L { get; set; } = default!;
    [Inject] private IStringLocalizer<ScopeWords> Words { get; set; } = default!;
    [Inject] private IStringLocalizer<Common> Text { get; set; } = default!;
    [Inject] private ILogger<KillSwitchList> Logger { get; set; } = default!;

    private bool Busy => actions?.Busy ?? false;
    private IReadOnlyList<KillSwitchRecord> Pending => denying!.Where(k => k.Status == KillSwitchStatus.PendingApproval).ToArray();
    private IReadOnlyList<KillSwitchRecord> Active => denying!.Where(k => k.Status == KillSwitchStatus.Active).ToArray();

    protected override Task OnInitializedAsync() => ReadDenyingAsync(CancellationToken.None);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            live = new LiveRefresh(Logger);
            live.Start(ct => InvokeAsync(async () =>
            {
                await RefreshQuietlyAsync(ct);
                StateHasChanged();
            }));
        }
    }

    // Between the admin's own steps: what another admin did, without disturbing a step in progress.
    private async Task RefreshQuietlyAsync(CancellationToken ct)
    {
        if (Busy)
        {
            return;
        }
        await ReadDenyingAsync(ct);
        if (liftedTable is not null)
        {
            await liftedTable.ReloadServerData();
        }
    }

    private async Task ReloadAsync()
    {
        await ReadDenyingAsync(CancellationToken.None);
        if (liftedTable is not null)
        {
            await liftedTable.ReloadServerData();
        }
    }

    private async Task ReadDenyingAsync(CancellationToken ct)
    {
        var page = await History.ListAsync(KillSwitchListFilter.Denying, new PageRequest(1, DenyingLimit), ct);
        await LearnEmailsAsync(page.Items, ct);
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        var operations = new Dictionary<Guid, IReadOnlySet<string>>();
        foreach (var record in page.Items)
        {
            operations[record.Id] = await Authorization.AllowedAsync(user, KillSwitchResource.Of(record), KillSwitchOperations.All);
        }
        (denying, denyingTotal, allowed) = (page.Items, page.Total, operations);
    }

    private async Task<TableData<KillSwitchRecord>> LoadLiftedAsync(TableState state, CancellationToken ct)
    {
        var page = await History.ListAsync(KillSwitchListFilter.Lifted, new PageRequest(state.Page + 1, HistoryPageSize), ct);
        await LearnEmailsAsync(page.Items, ct);
        return new TableData<KillSwitchRecord> { Items = page.Items, TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
    }

    private bool Allows(KillSwitchRecord record, KillSwitchOperationRequirement operation) =>
        allowed.TryGetValue(record.Id, out var names) && names.Contains(operation.Name);

    private async Task LearnEmailsAsync(IEnumerable<KillSwitchRecord> records, CancellationToken ct)
    {
        var ids = records.SelectMany(r => r.Scope.Accounts ?? []).Where(id => !accountEmails.ContainsKey(id)).ToArray();
        if (ids.Length == 0)
        {
            return;
        }
        var found = await Subjects.AccountEmailsAsync(ids, ct);
        accountEmails = accountEmails.Concat(found).ToDictionary(p => p.Key, p => p.Value);
    }

    private string Describe(KillSwitchRecord record) => ScopeWords.Describe(record.Scope, Words, accountEmails);

    private Task RequestLiftAsync(KillSwitchRecord record) => actions.RunAsync(new ActionRequest
    {
        Title = L["RequestLiftTitle"],
        Summary = L["RequestLiftSummary", Describe(record)],
        ConfirmText = L["RequestLiftConfirm"],
        BusyText = L["RequestLiftBusy"],
        MaxReasonLength = KillSwitchInput.MaxReasonLength,
    }, input => StepAsync(record, KillSwitchOperations.RequestLift, async actor =>
    {
        // The same reason rules as the API (the dialog only checks that one was given).
        var errors = new ValidationErrors();
        if (KillSwitchInput.Reason(errors, "reason", input.Reason) is not { } reason)
        {
            return ActionOutcome.Refused(L["ReasonRefused", string.Join(" ", errors.ToDictionary()["reason"])]);
        }
        var result = await KillSwitches.RequestLiftAsync(record.Id, reason, actor);
        return result.Outcome == LiftOutcome.Done ? ActionOutcome.Done(L["LiftRequested"]) : Refusal(result);
    }));

    private Task ApproveAsync(KillSwitchRecord record) => actions.RunAsync(new ActionRequest
    {
        Title = L["ApproveTitle"],
        Summary = L["ApproveSummary", Describe(record)],
        ConfirmText = L["ApproveConfirm"],
        BusyText = L["ApproveBusy"],
        AsksReason = false,
    }, input => StepAsync(record, KillSwitchOperations.ApproveLift, async actor =>
    {
        // A propagation timeout is reported by the action host, in the words every page uses.
        var result = await KillSwitches.ApproveLiftAsync(record.Id, actor);
        return result.Outcome == LiftOutcome.Done && result.Propagation is { } proof
            ? ActionOutcome.Done(L["LiftApproved", KillSwitchFormat.Proof(proof, L)])
            : Refusal(result);
    }));

    /// <summary>Takes a step if the handler allows it on the switch as it is now (re-read), else says why not.</summary>
    private async Task<ActionOutcome> StepAsync(
        KillSwitchRecord record, KillSwitchOperationRequirement operation, Func<string, Task<ActionOutcome>> step)
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        var current = await Facts.KillSwitchAsync(record.Id) ?? KillSwitchResource.Of(record);
        var decision = await Authorization.AuthorizeAsync(user, current, operation);
        return decision.Succeeded ? await step(user.AuditActor()) : ActionOutcome.Refused(L["NotAllowed"]);
    }

    private ActionOutcome Refusal(LiftResult result) => ActionOutcome.Refused(result.Outcome switch
    {
        LiftOutcome.NotFound => L["RefusedNotFound"],
        LiftOutcome.SameAdmin => L["RefusedSameAdmin"],
        _ => result.Status switch
        {
            KillSwitchStatus.Active => L["RefusedNoLiftPending"],
            KillSwitchStatus.PendingApproval => L["RefusedAlreadyPending"],
            KillSwitchStatus.Lifted => L["RefusedAlreadyLifted"],
            _ => L["RefusedNothingToDo"],
        },
    });

    public void Dispose() => live?.Dispose();
}
