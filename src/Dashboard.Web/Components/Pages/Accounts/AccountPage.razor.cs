using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
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

    /// <summary>The account operations the signed-in user may perform here (the account handler's answer).</summary>
    private IReadOnlySet<string> allowed = new HashSet<string>();

    [Parameter]
    public Guid Id { get; set; }

    [Inject] private AccountOverview Accounts { get; set; } = default!;
    [Inject] private AccountLockService Locks { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private bool Allows(AccountOperationRequirement operation) => allowed.Contains(operation.Name);

    private async Task LoadAsync()
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        allowed = await Authorization.AllowedAsync(user, new AccountResource(Id), AccountOperations.All);
        // An account the user may not see is shown exactly as one that does not exist.
        account = Allows(AccountOperations.Read) ? await Accounts.FindAsync(Id) : null;
        if (account is not null)
        {
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
