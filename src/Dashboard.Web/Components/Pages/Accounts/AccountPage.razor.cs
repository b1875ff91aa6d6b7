using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Components.Actions;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages.Accounts;

/// <summary>
/// A customer account for support: its cameras (paged), its linked services and what each is shown, lock and unlock;
/// for vendor admins, erasure of its personal data (decision 0029). Every change goes through <see cref="ActionHost"/>.
/// </summary>
public sealed partial class AccountPage
{
    private const int PageSize = 20;
    private AccountSummary? account;
    private Paged<DeviceSummary> owned = new(0, []);
    private IReadOnlyList<AccountLinkView> links = [];
    private bool loaded;
    private bool reasonProblem;
    private int version;
    private DateTime? erasedAt;
    private AccountErasureReport? erasure;
    private string? erasureProblem;
    private ActionHost? actions;

    /// <summary>The account operations the signed-in user may perform here (the account handler's answer).</summary>
    private IReadOnlySet<string> allowed = new HashSet<string>();

    /// <summary>The read this page instance has recorded: a re-render or a reload after a change is no new read.</summary>
    private string? recordedRead;

    [Parameter]
    public Guid Id { get; set; }

    /// <summary>Why support opens the page (a ticket reference), kept in the access record the customer sees.</summary>
    [SupplyParameterFromQuery(Name = StaffReadReason.Parameter)]
    public string? Reason { get; set; }

    [Inject] private AccountOverview Accounts { get; set; } = default!;
    [Inject] private AccountLockService Locks { get; set; } = default!;
    [Inject] private AccountErasure Erasure { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private StaffPageReads Reads { get; set; } = default!;
    [Inject] private IStringLocalizer<AccountPage> L { get; set; } = default!;

    /// <summary>An erased account is shown by its pseudonym (its display name), not the placeholder email behind it.</summary>
    private string Title => erasedAt is null ? account!.Email : account!.DisplayName;

    private bool Busy => actions?.Busy == true;

    private bool Allows(AccountOperationRequirement operation) => allowed.Contains(operation.Name);

    protected override async Task OnParametersSetAsync()
    {
        (var reason, var problem) = StaffReadReason.ForPage(Reason);
        reasonProblem = problem is not null;
        if (reasonProblem)
        {
            account = null;
            loaded = true;
            return;
        }
        await LoadAsync(opening: true, reason);
    }

    private Task ReloadAsync() => LoadAsync();

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
        if (actions is null || account is null || !Allows(AccountOperations.Erase))
        {
            return;
        }
        var shown = account;
        erasure = null;
        erasureProblem = null;
        await actions.RunAsync(new ActionRequest
        {
            Title = L["EraseTitle", shown.Email],
            Summary = L["EraseSummary", shown.Email],
            ConfirmText = L["EraseConfirm"],
            BusyText = L["EraseBusy", shown.Email],
            Destructive = true,
            MaxReasonLength = 2000,
        }, async input =>
        {
            var result = await Erasure.EraseAsync(shown.Id, input.Reason!, await ActorAsync(), CancellationToken.None);
            erasure = result.Report;
            erasureProblem = result.Outcome switch
            {
                AccountErasureOutcome.Done => null,
                AccountErasureOutcome.NotFound => L["GoneRefusal"],
                AccountErasureOutcome.Conflict => await ErasureConflictAsync(shown.Id),
            };
            return erasureProblem is null
                ? ActionOutcome.Done(L["EraseDone", result.Report!.Pseudonym])
                : ActionOutcome.Refused(erasureProblem);
        });
    }

    /// <summary>Core refuses an erasure while the account owns devices, or when it is already erased: said which.</summary>
    private async Task<string> ErasureConflictAsync(Guid id)
    {
        if (await Erasure.ErasedAtAsync(id) is { } at)
        {
            return L["AlreadyErased", LinkTimes.Instant(at)];
        }
        var count = (await Accounts.FindAsync(id))?.DeviceCount ?? 0;
        return L[PluralRule.IsOne(count) ? "OwnsDevicesOne" : "OwnsDevicesMany", count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)];
    }

    private Task LockAsync() => ChangeLockAsync(lockIt: true);

    private Task UnlockAsync() => ChangeLockAsync(lockIt: false);

    private async Task ChangeLockAsync(bool lockIt)
    {
        if (actions is null || account is null || !Allows(AccountOperations.Lock))
        {
            return;
        }
        var shown = account;
        var verb = lockIt ? "Lock" : "Unlock";
        await actions.RunAsync(new ActionRequest
        {
            Title = L[$"{verb}Title", shown.Email],
            Summary = L[$"{verb}Summary", shown.Email],
            ConfirmText = L[$"{verb}Confirm"],
            BusyText = L[$"{verb}Busy", shown.Email],
            Destructive = lockIt,
            MaxReasonLength = 2000,
        }, async input =>
        {
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            // Asked again when acting, not only when the buttons were drawn.
            if (!(await Authorization.AuthorizeAsync(user, new AccountResource(shown.Id), AccountOperations.Lock)).Succeeded)
            {
                return ActionOutcome.Refused(L["GoneRefusal"]);
            }
            var result = lockIt
                ? await Locks.LockAsync(shown.Id, input.Reason!, user.ChangeActor(), CancellationToken.None)
                : await Locks.UnlockAsync(shown.Id, input.Reason!, user.ChangeActor(), CancellationToken.None);
            return result.Outcome switch
            {
                AccountLockOutcome.Done => ActionOutcome.Done(L[lockIt ? "LockDone" : "UnlockDone", shown.Email]),
                AccountLockOutcome.NotFound => ActionOutcome.Refused(L["GoneRefusal"]),
                // Someone else locked or unlocked it meanwhile: it is already as asked.
                AccountLockOutcome.Conflict => ActionOutcome.Refused(L[lockIt ? "AlreadyLocked" : "AlreadyUnlocked", shown.Email]),
            };
        });
    }

    private async Task<ChangeActor> ActorAsync() => (await Authentication.GetAuthenticationStateAsync()).User.ChangeActor();
}
