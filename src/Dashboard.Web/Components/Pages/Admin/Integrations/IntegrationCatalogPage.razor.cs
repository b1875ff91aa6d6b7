using System.Globalization;
using Dashboard.Core.Integrations;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Admin.Integrations;

/// <summary>The integration catalog for vendor admins. The rules live in <see cref="IntegrationCatalog"/>.</summary>
public sealed partial class IntegrationCatalogPage
{
    private IReadOnlyList<IntegrationView>? integrations;
    private bool busy;

    [Inject] private IntegrationCatalog Catalog { get; set; } = default!;
    [Inject] private BridgeKeyDirectory KeyDirectory { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<Localization.Common> Text { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() => integrations = await Catalog.ListAsync();

    private Task AddAsync() => EditAsync(null);

    // The form is the confirmation of an add or an edit (decision 0060): it saves and names refusals by field.
    private async Task EditAsync(IntegrationView? integration)
    {
        busy = true;
        try
        {
            var dialog = await Dialogs.ShowAsync<IntegrationEditDialog>(
                integration is null ? L["AddTitle"] : L["EditTitle", integration.Name],
                new DialogParameters<IntegrationEditDialog> { { d => d.Existing, integration }, { d => d.Actor, await ActorAsync() } },
                new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
            if (await dialog.Result is { Canceled: false, Data: IntegrationSaved saved })
            {
                if (saved.Confirmed)
                {
                    Snackbar.Add(integration is null ? L["Added", saved.Name] : L["Saved", saved.Name], Severity.Success);
                }
                else
                {
                    Snackbar.Add($"{Text["PropagationPendingTitle"]}. {Text["PropagationPendingText"]}", Severity.Warning);
                }
            }
            integrations = await Catalog.ListAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task KeysAsync(IntegrationView integration)
    {
        var dialog = await Dialogs.ShowAsync<BridgeKeysDialog>(L["KeysTitle", integration.Name],
            new DialogParameters<BridgeKeysDialog> { { d => d.Integration, integration }, { d => d.Actor, await ActorAsync() } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false });
        await dialog.Result;
        await KeyDirectory.RefreshAsync();
        integrations = await Catalog.ListAsync();
    }

    private string KeysInUse(IntegrationView integration)
    {
        var count = integration.Keys.Count(k => k.IsValidAt(Time.GetUtcNow().UtcDateTime));
        return L[count == 1 ? "KeysInUseOne" : "KeysInUseMany", count.ToString("N0", CultureInfo.CurrentCulture)];
    }

    private async Task<string> ActorAsync() =>
        (await Authentication.GetAuthenticationStateAsync()).User.AuditActor();
}

/// <summary>What the edit dialog closes with: the name saved, and whether every instance confirmed it.</summary>
public sealed record IntegrationSaved(string Name, bool Confirmed);
