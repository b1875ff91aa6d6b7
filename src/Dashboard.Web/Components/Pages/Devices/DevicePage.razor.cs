using Dashboard.Core.Access;
using Dashboard.Core.Devices;
using Dashboard.Core.Devices.Ownership;
using Dashboard.Core.Privacy;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Components.Actions;
using Dashboard.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages.Devices;

/// <summary>
/// "Who owns this camera, who owned it before, and who can see it right now": identity, owner, effective access,
/// ownership timeline, and the claim, transfer and release operations (each confirmed with a reason, through
/// <see cref="ActionHost"/>).
/// </summary>
public sealed partial class DevicePage
{
    private DeviceDetails? device;
    private IReadOnlyList<EffectiveAccessEntry> access = [];
    private IReadOnlyList<OwnershipEntry> timeline = [];
    private bool loaded;
    private bool reasonProblem;
    private ActionHost? actions;

    /// <summary>The device operations the signed-in user may perform here (the device handler's answer).</summary>
    private IReadOnlySet<string> allowed = new HashSet<string>();

    /// <summary>The read this page instance has recorded: a re-render or a reload after a change is no new read.</summary>
    private string? recordedRead;

    [Parameter]
    public string Serial { get; set; } = "";

    /// <summary>Why support opens the page (a ticket reference), kept in the access record the owner sees.</summary>
    [SupplyParameterFromQuery(Name = StaffReadReason.Parameter)]
    public string? Reason { get; set; }

    [Inject] private DeviceSearch Devices { get; set; } = default!;
    [Inject] private EffectiveAccess Access { get; set; } = default!;
    [Inject] private OwnershipHistory History { get; set; } = default!;
    [Inject] private OwnershipService Ownership { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private StaffPageReads Reads { get; set; } = default!;
    [Inject] private IStringLocalizer<DevicePage> L { get; set; } = default!;

    private bool Busy => actions?.Busy == true;

    private bool Allows(DeviceOperationRequirement operation) => allowed.Contains(operation.Name);

    protected override async Task OnParametersSetAsync()
    {
        (var reason, var problem) = StaffReadReason.ForPage(Reason);
        reasonProblem = problem is not null;
        if (reasonProblem)
        {
            device = null;
            loaded = true;
            return;
        }
        await LoadAsync(opening: true, reason);
    }

    private Task ReloadAsync() => LoadAsync();

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

    private Task ClaimAsync() => ChangeAsync(DeviceOperations.Claim, Request("Claim", asksAccount: true),
        (d, input) => OwnershipChange.Claim(d.Serial, input.Account!.Id, input.Reason!, d.OwnershipVersion));

    private Task TransferAsync() => ChangeAsync(DeviceOperations.Transfer, Request("Transfer", asksAccount: true),
        (d, input) => OwnershipChange.Transfer(d.Serial, input.Account!.Id, input.Reason!, d.OwnershipVersion));

    private Task ReleaseAsync() => ChangeAsync(DeviceOperations.Release, Request("Release", destructive: true),
        (d, input) => OwnershipChange.Release(d.Serial, input.Reason!, d.OwnershipVersion));

    /// <summary>The confirmation of an ownership operation, from its texts in <c>DevicePage.resx</c> (<c>{verb}Title</c>, ...).</summary>
    private ActionRequest Request(string verb, bool asksAccount = false, bool destructive = false) => new()
    {
        Title = L[$"{verb}Title", device!.Serial],
        Summary = L[$"{verb}Summary", device.Serial, device.Owner?.Email ?? ""],
        ConfirmText = L[$"{verb}Confirm"],
        BusyText = L[$"{verb}Busy", device.Serial],
        AccountLabel = asksAccount ? L[$"{verb}Account"].Value : null,
        Destructive = destructive,
        MaxReasonLength = OwnershipService.MaxReasonLength,
    };

    private async Task ChangeAsync(
        DeviceOperationRequirement operation, ActionRequest request, Func<DeviceDetails, ActionInput, OwnershipChange> change)
    {
        if (actions is null || device is null || !Allows(operation))
        {
            return;
        }
        var shown = device;
        // What can be refused from the device as shown (a transfer to its current owner) is refused in the
        // confirmation, which keeps the reason typed; the same check runs again on the device as it is now.
        request = request with
        {
            Check = input => Task.FromResult(OwnershipRefusals.Before(change(shown, input), shown, shown) is { } refused
                ? L[refused.Key, refused.Arguments].Value
                : null),
        };
        await actions.RunAsync(request, async input =>
        {
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            // Asked again of the device as it is now, not as it was when the buttons were drawn.
            var current = await Devices.FindAsync(shown.Serial);
            if (current is null || !(await Authorization.AuthorizeAsync(user, DeviceResource.Of(current), operation)).Succeeded)
            {
                return ActionOutcome.Refused(L["GoneRefusal", shown.Serial]);
            }
            var asked = change(shown, input);
            if (OwnershipRefusals.Before(asked, shown, current) is { } before)
            {
                return ActionOutcome.Refused(L[before.Key, before.Arguments]);
            }
            var result = await Ownership.ChangeAsync(asked, user.ChangeActor());
            var words = OwnershipRefusals.After(result, shown);
            return result.Outcome == OwnershipOutcome.Done
                ? ActionOutcome.Done(L[words.Key, words.Arguments])
                : ActionOutcome.Refused(L[words.Key, words.Arguments]);
        });
    }
}
