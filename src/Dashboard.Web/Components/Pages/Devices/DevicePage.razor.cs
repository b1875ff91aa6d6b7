using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Devices;
using Dashboard.Core.Devices.Ownership;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Privacy;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace Dashboard.Web.Components.Pages.Devices;

/// <summary>
/// "Who owns this camera, who owned it before, and who can see it right now": identity, owner, effective access,
/// ownership timeline, and the claim, transfer and release operations (each confirmed in a dialog with a reason).
/// </summary>
public sealed partial class DevicePage
{
    private DeviceDetails? device;
    private IReadOnlyList<EffectiveAccessEntry> access = [];
    private IReadOnlyList<OwnershipEntry> timeline = [];
    private bool loaded;
    private string? busy;

    /// <summary>The device operations the signed-in user may perform here (the device handler's answer).</summary>
    private IReadOnlySet<string> allowed = new HashSet<string>();

    [Parameter]
    public string Serial { get; set; } = "";

    /// <summary>Why support opens the page (a ticket reference), kept in the access record the owner sees.</summary>
    [SupplyParameterFromQuery(Name = StaffReadReason.Parameter)]
    public string? Reason { get; set; }


    [Inject] private DeviceSearch Devices { get; set; } = default!;
    [Inject] private EffectiveAccess Access { get; set; } = default!;
    [Inject] private OwnershipHistory History { get; set; } = default!;
    [Inject] private OwnershipService Ownership { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private StaffPageReads Reads { get; set; } = default!;

    private string? reasonProblem;

    private bool Allows(DeviceOperationRequirement operation) => allowed.Contains(operation.Name);

    /// <summary>The read this page instance has recorded: a re-render or a reload after a change is no new read.</summary>
    private string? recordedRead;

    protected override async Task OnParametersSetAsync()
    {
        (var reason, reasonProblem) = StaffReadReason.ForPage(Reason);
        if (reasonProblem is not null)
        {
            device = null;
            loaded = true;
            return;
        }
        await LoadAsync(opening: true, reason);
    }

    private async Task LoadAsync(bool opening = false, string? reason = null)
    {
        device = await Devices.FindAsync(Serial);
        if (device is not null)
        {
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            allowed = await Authorization.AllowedAsync(user, DeviceResource.Of(device), DeviceOperations.All);
            // A device the user may not see is shown exactly as one that does not exist.
            device = Allows(DeviceOperations.Read) ? device : null;
        }
        if (device is not null)
        {
            // Recorded before anything of the device is shown; a re-render or a reload after a change is no new read.
            var key = StaffPageReads.Key(StaffAccessKind.Device, device.Serial);
            if (opening && recordedRead != key)
            {
                await Reads.RecordOpenAsync(StaffAccessKind.Device, account: null, device.Serial, reason, prerendering: !RendererInfo.IsInteractive);
                recordedRead = key;
            }
            var entries = Access.ForDeviceAsync(device.Serial, device.Owner?.Id);
            var history = History.TimelineAsync(device.Serial);
            access = await entries;
            timeline = await history ?? [];
        }
        loaded = true;
    }

    private Task ClaimAsync() => ChangeAsync(
        $"Claim {device!.Serial} for an account. From then on that account's linked services may reach it once it exposes it.",
        "Claim", ButtonStyle.Primary, accountLabel: "Account (email)",
        (reason, account) => OwnershipChange.Claim(device.Serial, account!.Value, reason, device.OwnershipVersion),
        "Claiming", DeviceOperations.Claim);

    private Task TransferAsync() => ChangeAsync(
        $"Transfer {device!.Serial} from {device.Owner?.Email} to another account. {device.Owner?.Email}'s services lose it "
            + "at once and its exposures of it are removed.",
        "Transfer", ButtonStyle.Primary, accountLabel: "New owner (email)",
        (reason, account) => OwnershipChange.Transfer(device.Serial, account!.Value, reason, device.OwnershipVersion),
        "Transferring", DeviceOperations.Transfer);

    private Task ReleaseAsync() => ChangeAsync(
        $"Release {device!.Serial} from {device.Owner?.Email}: it will have no owner, and no service will reach it.",
        "Release", ButtonStyle.Danger, accountLabel: null,
        (reason, _) => OwnershipChange.Release(device.Serial, reason, device.OwnershipVersion),
        "Releasing", DeviceOperations.Release);

    private async Task ChangeAsync(
        string summary, string confirm, ButtonStyle style, string? accountLabel,
        Func<string, Guid?, OwnershipChange> change, string doing, DeviceOperationRequirement operation)
    {
        if (!Allows(operation))
        {
            return;
        }
        var parameters = new Dictionary<string, object?>
        {
            [nameof(ReasonDialog.Summary)] = summary,
            [nameof(ReasonDialog.ConfirmText)] = confirm,
            [nameof(ReasonDialog.ConfirmStyle)] = style,
            [nameof(ReasonDialog.AccountLabel)] = accountLabel,
            [nameof(ReasonDialog.MaxReasonLength)] = OwnershipService.MaxReasonLength,
        };
        if (await Dialogs.OpenAsync<ReasonDialog>($"{confirm} {device!.Serial}", parameters,
                new DialogOptions { Width = "34rem" }) is not ReasonDialogResult answer)
        {
            return;
        }

        busy = $"{doing} {device.Serial}: waiting until every enforcement point has applied it…";
        StateHasChanged();
        try
        {
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            // Asked again of the device as it is now, not as it was when the buttons were drawn.
            var current = await Devices.FindAsync(device.Serial);
            if (current is null || !(await Authorization.AuthorizeAsync(user, DeviceResource.Of(current), operation)).Succeeded)
            {
                Notifications.Notify(NotificationSeverity.Error, "Not done", $"No device has the serial '{device.Serial}'.", duration: 15_000);
                return;
            }
            var result = await Ownership.ChangeAsync(change(answer.Reason, answer.Account?.Id), user.ChangeActor());
            if (result.Outcome == OwnershipOutcome.Done)
            {
                Notifications.Notify(NotificationSeverity.Success, $"{confirm} done",
                    $"{device.Serial} is now {(result.Device?.Owner is { } owner ? "owned by " + owner.Email : "without owner")}.");
            }
            else
            {
                Notifications.Notify(NotificationSeverity.Error, "Not done", result.Problem ?? "", duration: 15_000);
            }
        }
        catch (PropagationTimeoutException)
        {
            Notifications.Notify(NotificationSeverity.Warning, "Recorded, not yet confirmed everywhere",
                "The change is saved; some enforcement points have not confirmed it yet. It takes effect there as they do.",
                duration: 15_000);
        }
        finally
        {
            busy = null;
            await LoadAsync();
        }
    }
}
