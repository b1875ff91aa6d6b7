using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Privacy;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Privacy;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace Dashboard.Web.Components.Pages.Accounts;

/// <summary>A customer account for support: its cameras (paged), its linked services and what each is shown, lock and unlock.</summary>
public sealed partial class AccountPage
{
    private const int PageSize = 20;
    private AccountSummary? account;
    private Paged<DeviceSummary> owned = new(0, []);
    private IReadOnlyList<AccountLinkView> links = [];
    private bool loaded;
    private string? busy;
    private int version;

    [Parameter]
    public Guid Id { get; set; }

    /// <summary>Why support opens the page (a ticket reference), kept in the access record the customer sees.</summary>
    [SupplyParameterFromQuery(Name = StaffReadReason.Parameter)]
    public string? Reason { get; set; }


    [Inject] private AccountOverview Accounts { get; set; } = default!;
    [Inject] private AccountLockService Locks { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private StaffPageReads Reads { get; set; } = default!;

    private string? reasonProblem;

    /// <summary>The read this page instance has recorded: a re-render or a reload after a change is no new read.</summary>
    private string? recordedRead;

    protected override async Task OnParametersSetAsync()
    {
        var errors = new ValidationErrors();
        var reason = StaffReadReason.Check(Reason, errors);
        reasonProblem = errors.HasErrors ? errors.ToDictionary()[StaffReadReason.Parameter][0] : null;
        if (reasonProblem is not null)
        {
            account = null;
            loaded = true;
            return;
        }
        await LoadAsync(opening: true, reason);
    }

    private async Task LoadAsync(bool opening = false, string? reason = null)
    {
        account = await Accounts.FindAsync(Id);
        if (account is not null)
        {
            // Recorded before anything of the account is shown; a re-render or a reload after a change is no new read.
            var key = StaffPageReads.Key(StaffAccessKind.Account, Id.ToString());
            if (opening && recordedRead != key)
            {
                await Reads.RecordOpenAsync(StaffAccessKind.Account, Id, serial: null, reason, prerendering: !RendererInfo.IsInteractive);
                recordedRead = key;
            }
            owned = await Accounts.OwnedDevicesAsync(Id, PageRequest.First(PageSize));
            links = await Accounts.LinksAsync(Id);
        }
        // A new key for the device list, so it starts again from the first page it is given.
        version++;
        loaded = true;
    }

    private Task LockAsync() => ChangeAsync(
        $"Lock {account!.Email}: every service is denied this account's cameras (account_locked) until it is unlocked.",
        "Lock", ButtonStyle.Danger, Locks.LockAsync, "Locking");

    private Task UnlockAsync() => ChangeAsync(
        $"Unlock {account!.Email}: its linked services may reach the cameras it exposes again.",
        "Unlock", ButtonStyle.Primary, Locks.UnlockAsync, "Unlocking");

    private async Task ChangeAsync(
        string summary, string confirm, ButtonStyle style,
        Func<Guid, string, Core.Audit.ChangeActor, CancellationToken, Task<AccountLockResult>> change, string doing)
    {
        var parameters = new Dictionary<string, object?>
        {
            [nameof(ReasonDialog.Summary)] = summary,
            [nameof(ReasonDialog.ConfirmText)] = confirm,
            [nameof(ReasonDialog.ConfirmStyle)] = style,
            [nameof(ReasonDialog.MaxReasonLength)] = 2000,
        };
        if (await Dialogs.OpenAsync<ReasonDialog>($"{confirm} {account!.Email}", parameters,
                new DialogOptions { Width = "34rem" }) is not ReasonDialogResult answer)
        {
            return;
        }
        busy = $"{doing} {account.Email}: waiting until every enforcement point has applied it…";
        StateHasChanged();
        try
        {
            var actor = (await Authentication.GetAuthenticationStateAsync()).User.ChangeActor();
            var result = await change(account.Id, answer.Reason, actor, CancellationToken.None);
            if (result.Outcome == AccountLockOutcome.Done)
            {
                Notifications.Notify(NotificationSeverity.Success, $"{confirm} done", $"{account.Email} is {result.Account?.Status.ToString().ToLowerInvariant()}.");
            }
            else
            {
                Notifications.Notify(NotificationSeverity.Error, "Not done", result.Problem ?? "", duration: 15_000);
            }
        }
        catch (PropagationTimeoutException)
        {
            Notifications.Notify(NotificationSeverity.Warning, "Recorded, not yet confirmed everywhere",
                "The change is saved; some enforcement points have not confirmed it yet.", duration: 15_000);
        }
        finally
        {
            busy = null;
            await LoadAsync();
        }
    }
}
