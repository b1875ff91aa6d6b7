using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Auth.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Dashboard.Web.Components.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>
/// Builds a scope, shows its blast radius live, and fires after a typed confirmation. Every check and write goes
/// through <see cref="KillSwitchService"/> and <see cref="KillSwitchInput"/>, the same code the REST API runs.
/// </summary>
/// <remarks>
/// A preview can take seconds on a large fleet, so the count runs after a pause in typing (300 ms), each change
/// cancels the count still running for the previous scope (the token reaches <see cref="KillSwitchService.PreviewAsync"/>
/// and the subject look-ups, so their queries are cancelled in PostgreSQL too), and the last numbers stay on screen,
/// dimmed, until the new ones arrive.
/// </remarks>
public sealed partial class KillSwitchBuilder : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private static readonly IReadOnlyList<string> actionNames = AccessActionNames.Each.Select(e => e.Name).ToArray();

    private readonly ScopeDraft draft = new() { Actions = actionNames };
    private IReadOnlyList<IntegrationChoice>? integrations;
    private FleetSummary? fleet;
    // Built once per load: the pickers get the same lists on every render, not a new array each time.
    private IReadOnlyList<string> modelOptions = [];
    private IReadOnlyList<string> firmwareOptions = [];
    private IReadOnlyList<string> regionOptions = [];
    private string? fleetProblem;
    private IReadOnlyList<AccountRef> matchedAccounts = [];
    private IDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private CancellationTokenSource? pendingCount;
    private bool computing;
    private BlastRadius? radius;
    private string? radiusKey;
    private string? radiusScopeText;
    private string? radiusProblem;
    private bool firing;
    private bool reviewed;
    private string? fireProblem;
    private FiredKillSwitch? fired;
    private string firedScopeText = "";

    [Inject] private KillSwitchService KillSwitches { get; set; } = default!;
    [Inject] private ScopeSubjects Subjects { get; set; } = default!;
    [Inject] private IntegrationStatusBoard Board { get; set; } = default!;
    [Inject] private FleetOverview Fleet { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<KillSwitchBuilder> L { get; set; } = default!;
    [Inject] private IStringLocalizer<ScopeWords> WordsText { get; set; } = default!;
    [Inject] private IStringLocalizer<Common> Text { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ILogger<KillSwitchBuilder> Logger { get; set; } = default!;

    /// <summary>Pre-fills "one integration" (the status board links here with it).</summary>
    [SupplyParameterFromQuery(Name = "integration")]
    public string? IntegrationKey { get; set; }

    /// <summary>Pre-fills "every integration of a kind".</summary>
    [SupplyParameterFromQuery(Name = "kind")]
    public string? KindName { get; set; }

    protected override async Task OnInitializedAsync()
    {
        radiusProblem = L["ChooseScope"];
        integrations = await Board.ChoicesAsync();
        if (KindName is not null && IntegrationKindNames.TryParse(KindName, out _))
        {
            draft.Selector = ScopeSelector.Kind;
            draft.Kind = KindName;
        }
        else if (IntegrationKey is not null && integrations.Any(i => i.Key == IntegrationKey))
        {
            draft.Integration = IntegrationKey;
        }
        // The first count of a pre-filled scope, here and not after the first render: that render may come before the
        // integrations above are read (whenever the read is not instant), and then nothing would ever count it.
        // Only in the live circuit, not while prerendering.
        if (RendererInfo.IsInteractive && (draft.Integration is not null || draft.Kind is not null))
        {
            ScheduleCount();
        }
    }

    // Only in the live circuit (not while prerendering): the fleet scan runs once.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        try
        {
            fleet = await Fleet.GetAsync();
            modelOptions = fleet.ByModel.Select(g => g.Name).ToArray();
            firmwareOptions = fleet.ByFirmware.Select(g => g.Name).ToArray();
            regionOptions = fleet.ByRegion.Select(g => g.Name).ToArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pickers are a convenience; the scope can still be built without them.
            KillSwitchPagesLog.FleetValuesUnreadable(Logger, e);
            fleetProblem = L["FleetValuesUnreadable"];
        }
        StateHasChanged();
    }

    private void SelectorChanged(ScopeSelector selector) => Narrowed(() => draft.Selector = selector);
    private void IntegrationChanged(string? key) => Narrowed(() => draft.Integration = key);
    private void KindChanged(string? kind) => Narrowed(() => draft.Kind = kind);

    private void ActionTicked(string action, bool on) => Narrowed(() =>
        draft.Actions = on ? actionNames.Where(a => a == action || draft.Actions.Contains(a)).ToArray() : draft.Actions.Where(a => a != action).ToArray());

    private void Narrowed(Action change)
    {
        change();
        ScheduleCount();
    }

    private void ScheduleCount()
    {
        pendingCount?.Cancel();
        pendingCount = new CancellationTokenSource();
        computing = true;
        _ = CountAsync(pendingCount.Token);
    }

    private async Task CountAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Debounce, ct);
            var check = new ValidationErrors();
            var scope = await CheckScopeAsync(check, ct);
            ShowScopeErrors(check);
            if (scope is null)
            {
                (radius, radiusKey, radiusScopeText) = (null, null, null);
                radiusProblem = L["FixScope"];
            }
            else if (!await MayAsync(KillSwitchOperations.Preview))
            {
                (radius, radiusKey, radiusScopeText) = (null, null, null);
                radiusProblem = L["OnlyAdminsCount"];
            }
            else
            {
                var counted = await KillSwitches.PreviewAsync(scope, ct);
                (radius, radiusKey, radiusScopeText, radiusProblem) = (counted, Key(scope), Words(scope), null);
            }
            computing = false;
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            return; // A newer scope took over; its count reports.
        }
        catch (Exception e)
        {
            KillSwitchPagesLog.BlastRadiusFailed(Logger, e);
            (radius, radiusKey, computing) = (null, null, false);
            radiusProblem = L["RadiusFailed"];
        }
        await InvokeAsync(StateHasChanged);
    }

    /// <summary>The draft as a scope the service accepts, or null with every problem recorded.</summary>
    private async Task<KillSwitchScope?> CheckScopeAsync(ValidationErrors check, CancellationToken ct)
    {
        if (draft.Selector == ScopeSelector.Integration && string.IsNullOrEmpty(draft.Integration))
        {
            check.Add("integration", L["ChooseIntegrationError"]);
        }
        if (draft.Selector == ScopeSelector.Kind && string.IsNullOrEmpty(draft.Kind))
        {
            check.Add("integrationKind", L["ChooseKindError"]);
        }
        if (!draft.Actions.Any())
        {
            check.Add("actions", L["TickAnAction"]);
        }
        var accounts = await Subjects.ResolveAccountsAsync(draft.AccountEntries, ct);
        matchedAccounts = accounts.Found;
        foreach (var unknown in accounts.Unknown)
        {
            check.Add("accounts", L["UnknownAccount", unknown]);
        }
        foreach (var unknown in await Subjects.UnknownSerialsAsync(draft.DeviceEntries, ct))
        {
            check.Add("devices", L["UnknownDevice", unknown]);
        }
        if (check.HasErrors)
        {
            return null;
        }
        var scope = draft.ToScope(accounts.Found.Select(a => a.Id).ToArray());
        await KillSwitchInput.AddScopeErrorsAsync(check, KillSwitches, scope, path: "", ct);
        return check.HasErrors ? null : scope;
    }

    private async Task ReviewAsync()
    {
        if (firing)
        {
            return;
        }
        var check = new ValidationErrors();
        var scope = await CheckScopeAsync(check, CancellationToken.None);
        var reason = KillSwitchInput.Reason(check, "reason", draft.Reason);
        var incident = KillSwitchInput.Incident(check, "incident", draft.Incident);
        errors = check.ToDictionary();
        reviewed = true;
        if (check.HasErrors || scope is null || reason is null)
        {
            fireProblem = FixFieldsProblem;
            return;
        }
        fireProblem = null;

        var words = Words(scope);
        var dialog = await Dialogs.ShowAsync<FireConfirmDialog>(L["ConfirmTitle"],
            new DialogParameters<FireConfirmDialog>
            {
                { d => d.ScopeText, words },
                { d => d.Radius, radiusKey == Key(scope) ? radius : null },
                { d => d.Reason, reason },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false })
        {
            return;
        }

        firing = true;
        StateHasChanged();
        try
        {
            if (!await MayAsync(KillSwitchOperations.Fire))
            {
                fireProblem = L["OnlyAdminsFire"];
                return;
            }
            var actor = (await Authentication.GetAuthenticationStateAsync()).User.AuditActor();
            fired = await KillSwitches.FireAsync(scope, reason, incident, actor);
            firedScopeText = words;
        }
        catch (PropagationTimeoutException e)
        {
            // The words every action uses for this outcome, then what it means for a fire.
            fireProblem = $"{Text["PropagationPendingTitle"]}. {Text["PropagationPendingText"]} "
                + L["FireNotConfirmed", e.Revision, e.Progress.Confirmed, e.Progress.EnforcementPoints];
        }
        finally
        {
            firing = false;
        }
    }

    // Field errors from a live check; the reason and incident keep what they were last checked to be.
    private void ShowScopeErrors(ValidationErrors check)
    {
        var merged = check.ToDictionary();
        foreach (var field in WhyFields)
        {
            if (errors.TryGetValue(field, out var messages))
            {
                merged[field] = messages;
            }
        }
        ShowErrors(merged);
    }

    private static readonly string[] WhyFields = ["reason", "incident"];

    // Before the first review a blank reason is not yet a mistake; after it, the messages follow the typing.
    private void WhyChanged(Action change)
    {
        change();
        if (!reviewed)
        {
            return;
        }
        var check = new ValidationErrors();
        KillSwitchInput.Reason(check, "reason", draft.Reason);
        KillSwitchInput.Incident(check, "incident", draft.Incident);
        var merged = new Dictionary<string, string[]>(errors);
        foreach (var field in WhyFields)
        {
            merged.Remove(field);
        }
        foreach (var (field, messages) in check.ToDictionary())
        {
            merged[field] = messages;
        }
        ShowErrors(merged);
    }

    // "Fix the fields marked above" stays only while a field is still marked.
    private void ShowErrors(IDictionary<string, string[]> current)
    {
        errors = current;
        if (errors.Count == 0 && fireProblem == FixFieldsProblem)
        {
            fireProblem = null;
        }
    }

    private string FixFieldsProblem => L["FixFields"];

    private string Words(KillSwitchScope scope) =>
        ScopeWords.Describe(scope, WordsText, matchedAccounts.ToDictionary(a => a.Id, a => a.Email));

    /// <summary>Identifies a scope, so a count is shown as current only for the scope it was made for.</summary>
    private static string Key(KillSwitchScope scope) => System.Text.Json.JsonSerializer.Serialize(scope);

    public void Dispose() => pendingCount?.Cancel();

    private async Task<bool> MayAsync(KillSwitchOperationRequirement operation) =>
        (await Authorization.AuthorizeAsync((await Authentication.GetAuthenticationStateAsync()).User, KillSwitchResource.Any, operation))
        .Succeeded;
}
