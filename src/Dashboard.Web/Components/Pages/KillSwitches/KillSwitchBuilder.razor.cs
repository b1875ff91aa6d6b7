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
using Radzen;

namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>
/// Builds a scope, shows its blast radius live, and fires after a typed confirmation. Every check and write goes
/// through <see cref="KillSwitchService"/> and <see cref="KillSwitchInput"/>, the same code the REST API runs.
/// </summary>
/// <remarks>
/// A preview can take seconds on a large fleet, so the count runs after a pause in typing, each change cancels the
/// count still running for the previous scope (its query is cancelled in PostgreSQL too), and the last numbers stay
/// on screen, dimmed, until the new ones arrive.
/// </remarks>
public sealed partial class KillSwitchBuilder : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(350);
    private static readonly IReadOnlyList<string> actionNames = AccessActionNames.Each.Select(e => e.Name).ToArray();

    private readonly ScopeDraft draft = new() { Actions = actionNames };
    private IReadOnlyList<IntegrationChoice>? integrations;
    private IReadOnlyList<Option> integrationOptions = [];
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
    private string? radiusProblem = "Choose what to cut off to see its blast radius.";

    private const string FixFieldsProblem = "Nothing was fired: fix the fields marked above.";
    private bool firing;
    private bool reviewed;
    private string? fireProblem;
    private FiredKillSwitch? fired;
    private string firedScopeText = "";

    [Inject] private KillSwitchService KillSwitches { get; set; } = default!;
    [Inject] private ScopeSubjects Subjects { get; set; } = default!;
    [Inject] private IntegrationStatusBoard Board { get; set; } = default!;
    [Inject] private FleetOverview Fleet { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
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
        integrations = await Board.ChoicesAsync();
        integrationOptions = integrations.Select(i => new Option(i.Key, $"{i.Name} ({i.Key})")).ToArray();
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
            fleetProblem = "Models, firmware versions and regions could not be loaded; reload the page to pick them.";
        }
        StateHasChanged();
    }

    private void SelectorChanged(ScopeSelector selector) => Narrowed(() => draft.Selector = selector);
    private void IntegrationChanged(string? key) => Narrowed(() => draft.Integration = key);
    private void KindChanged(string? kind) => Narrowed(() => draft.Kind = kind);
    private void ActionsChanged(IEnumerable<string> actions) => Narrowed(() => draft.Actions = actions);

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
                radiusProblem = "Fix the scope to see its blast radius.";
            }
            else if (!await MayAsync(KillSwitchOperations.Preview))
            {
                (radius, radiusKey, radiusScopeText) = (null, null, null);
                radiusProblem = "Only a vendor admin may count a blast radius.";
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
            radiusProblem = "The blast radius could not be computed just now. Change the scope or try again.";
        }
        await InvokeAsync(StateHasChanged);
    }

    /// <summary>The draft as a scope the service accepts, or null with every problem recorded.</summary>
    private async Task<KillSwitchScope?> CheckScopeAsync(ValidationErrors check, CancellationToken ct)
    {
        if (draft.Selector == ScopeSelector.Integration && string.IsNullOrEmpty(draft.Integration))
        {
            check.Add("integration", "Choose an integration.");
        }
        if (draft.Selector == ScopeSelector.Kind && string.IsNullOrEmpty(draft.Kind))
        {
            check.Add("integrationKind", "Choose a kind of integration.");
        }
        if (!draft.Actions.Any())
        {
            check.Add("actions", "Tick at least one action.");
        }
        var accounts = await Subjects.ResolveAccountsAsync(draft.AccountEntries, ct);
        matchedAccounts = accounts.Found;
        foreach (var unknown in accounts.Unknown)
        {
            check.Add("accounts", $"No account has the id or email “{unknown}”.");
        }
        foreach (var unknown in await Subjects.UnknownSerialsAsync(draft.DeviceEntries, ct))
        {
            check.Add("devices", $"No device has the serial “{unknown}”.");
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
        var confirmed = await Dialogs.OpenAsync<FireConfirmDialog>("Fire kill switch",
            new Dictionary<string, object?>
            {
                [nameof(FireConfirmDialog.ScopeText)] = words,
                [nameof(FireConfirmDialog.Radius)] = radiusKey == Key(scope) ? radius : null,
                [nameof(FireConfirmDialog.Reason)] = reason,
            },
            new DialogOptions { Width = "36rem", CloseDialogOnOverlayClick = false });
        if (confirmed is not true)
        {
            return;
        }

        firing = true;
        StateHasChanged();
        try
        {
            if (!await MayAsync(KillSwitchOperations.Fire))
            {
                fireProblem = "Nothing was fired: only a vendor admin may fire a kill switch.";
                return;
            }
            var actor = (await Authentication.GetAuthenticationStateAsync()).User.AuditActor();
            fired = await KillSwitches.FireAsync(scope, reason, incident, actor);
            firedScopeText = words;
        }
        catch (PropagationTimeoutException e)
        {
            fireProblem = $"The kill switch is recorded at revision {e.Revision}, but only {e.Progress.Confirmed} of "
                + $"{e.Progress.EnforcementPoints} enforcement points confirmed it in time. It denies everywhere once each "
                + "applies it; check the kill switches list before firing again.";
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

    private string Words(KillSwitchScope scope) =>
        ScopeWords.Describe(scope, matchedAccounts.ToDictionary(a => a.Id, a => a.Email));

    /// <summary>Identifies a scope, so a count is shown as current only for the scope it was made for.</summary>
    private static string Key(KillSwitchScope scope) => ScopeWords.Describe(scope) + "|" + scope.Integration + "|" + scope.IntegrationKind;

    public void Dispose() => pendingCount?.Cancel();

    private sealed record Option(string Value, string Text);

    private async Task<bool> MayAsync(KillSwitchOperationRequirement operation) =>
        (await Authorization.AuthorizeAsync((await Authentication.GetAuthenticationStateAsync()).User, KillSwitchResource.Any, operation))
        .Succeeded;
}
