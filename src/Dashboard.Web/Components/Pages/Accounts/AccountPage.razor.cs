using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Privacy;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace Dashboard.Web.Components.Pages.Accounts;

/// <summary>
/// A customer account for support: its cameras (paged), its linked services and what each is shown, lock and unlock;
/// for vendor admins, erasure of its personal data (decision 0029).
/// </summary>
public sealed partial class AccountPage
{
    private const int PageSize = 20;
    private AccountSummary? account;
    private Paged<DeviceSummary> owned = new(0, []);
    private IReadOnlyList<AccountLinkView> links = [];
    private bool loaded;
    private string? busy;
    private int version;
    private DateTime? erasedAt;
    private AccountErasureReport? erasure;
    private string? erasureProblem;

    /// <summary>The account operations the signed-in user may perform here (the account handler's answer).</summary>
    private IReadOnlySet<string> allowed = new HashSet<string>();

    [Parameter]
    public Guid Id { get; set; }

    /// <summary>Why support opens the page (a ticket reference), kept in the access record the customer sees.</summary>
    [SupplyParameterFromQuery(Name = StaffReadReason.Parameter)]
    public string? Reason { get; set; }


    [Inject] private AccountOverview Accounts { get; set; } = default!;
    [Inject] private AccountLockService Locks { get; set; } = default!;
    [Inject] private AccountErasure Erasure { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    /// <summary>An erased account is shown by its pseudonym (its display name), not the placeholder email behind it.</summary>
    private string Title => erasedAt is null ? account!.Email : account!.DisplayName;
    [Inject] private StaffPageReads Reads { get; set; } = default!;

    private string? reasonProblem;

    private bool Allows(AccountOperationRequirement operation) => allowed.Contains(operation.Name);

    /// <summary>The read this page instance has recorded: a re-render or a reload after a change is no new read.</summary>
    private string? recordedRead;

    protected override async Task OnParametersSetAsync()
    {
        (var reason, reasonProblem) = StaffReadReason.ForPage(Reason);
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
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        allowed = await Authorization.AllowedAsync(user, new AccountResource(Id), AccountOperations.All);
        // An account the user may not see is shown exactly as one that does not exist.
        account = Allows(AccountOperations.Read) ? await Accounts.FindAsync(Id) : null;
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
            erasedAt = await Erasure.ErasedAtAsync(Id);
        }
        // A new key for the device list, so it starts again from the first page it is given.
        version++;
        loaded = true;
    }

    private async Task EraseAsync()
    {
        if (!Allows(AccountOperations.Erase))
        {
            return;
        }
        var parameters = new Dictionary<string, object?>
        {
            [nameof(ReasonDialog.Summary)] = $"Erase {account!.Email}: its email, name and sign-in are replaced by a pseudonym, "
                + "text naming it in reasons is rewritten or cleared, and its linked services end. This cannot be undone. "
                + "Its devices must be released first.",
            [nameof(ReasonDialog.ConfirmText)] = "Erase",
            [nameof(ReasonDialog.ConfirmStyle)] = ButtonStyle.Danger,
            [nameof(ReasonDialog.MaxReasonLength)] = 2000,
        };
        if (await Dialogs.OpenAsync<ReasonDialog>($"Erase {account.Email}", parameters,
                new DialogOptions { Width = "34rem" }) is not ReasonDialogResult answer)
        {
            return;
        }
        erasure = null;
        erasureProblem = null;
        busy = $"Erasing {account.Email}: ending its links and waiting until every enforcement point has applied it…";
        StateHasChanged();
        try
        {
            var actor = (await Authentication.GetAuthenticationStateAsync()).User.ChangeActor();
            var result = await Erasure.EraseAsync(account.Id, answer.Reason, actor, CancellationToken.None);
            erasure = result.Report;
            erasureProblem = result.Problem;
        }
        catch (PropagationTimeoutException)
        {
            erasureProblem = "The erasure is saved; some enforcement points have not yet confirmed that its links ended.";
        }
        finally
        {
            busy = null;
            await LoadAsync();
        }
    }

    private static string StepText(ErasureStep step) =>
        $"{step.Name.Replace('_', ' ')}: {step.Erased} changed"
        + (step.Kept > 0 ? $", {step.Kept} kept ({step.Note})" : "");

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
        if (!Allows(AccountOperations.Lock))
        {
            return;
        }
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
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            var result = (await Authorization.AuthorizeAsync(user, new AccountResource(account.Id), AccountOperations.Lock)).Succeeded
                ? await change(account.Id, answer.Reason, user.ChangeActor(), CancellationToken.None)
                : new AccountLockResult(AccountLockOutcome.NotFound, Problem: $"No account has the id '{account.Id}'.");
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
