using Dashboard.Core.Integrations;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace Dashboard.Web.Components.Pages.Admin.Integrations;

/// <summary>The integration catalog for vendor admins. The rules live in <see cref="IntegrationCatalog"/>.</summary>
public sealed partial class IntegrationCatalogPage
{
    private IReadOnlyList<IntegrationView>? integrations;
    private bool busy;

    [Inject] private IntegrationCatalog Catalog { get; set; } = default!;
    [Inject] private BridgeKeyDirectory KeyDirectory { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() => integrations = await Catalog.ListAsync();

    private async Task AddAsync()
    {
        if (await Dialogs.OpenAsync<IntegrationEditDialog>("Add an integration", [],
                new DialogOptions { Width = "34rem" }) is not IntegrationDraft draft)
        {
            return;
        }
        await RunAsync(async actor =>
        {
            await Catalog.AddAsync(draft, actor);
            Notifications.Notify(NotificationSeverity.Success, "Integration added", $"{draft.Name}: issue a bridge key next.");
        });
    }

    private async Task EditAsync(IntegrationView integration)
    {
        if (await Dialogs.OpenAsync<IntegrationEditDialog>($"Edit {integration.Name}",
                new Dictionary<string, object?> { [nameof(IntegrationEditDialog.Existing)] = integration },
                new DialogOptions { Width = "34rem" }) is not IntegrationDraft draft)
        {
            return;
        }
        await RunAsync(async actor =>
        {
            await Catalog.UpdateAsync(integration.Id, draft, actor);
            Notifications.Notify(NotificationSeverity.Success, "Saved", $"{draft.Name} is changed everywhere.");
        });
    }

    private async Task KeysAsync(IntegrationView integration)
    {
        await Dialogs.OpenAsync<BridgeKeysDialog>($"Bridge keys of {integration.Name}",
            new Dictionary<string, object?>
            {
                [nameof(BridgeKeysDialog.Integration)] = integration,
                [nameof(BridgeKeysDialog.Actor)] = await ActorAsync(),
            },
            new DialogOptions { Width = "44rem", CloseDialogOnOverlayClick = false });
        await KeyDirectory.RefreshAsync();
        integrations = await Catalog.ListAsync();
    }

    private async Task<string> ActorAsync() =>
        (await Authentication.GetAuthenticationStateAsync()).User.AuditActor();

    /// <summary>Runs a change as the signed-in admin, reports a refusal by its message, and reloads the list.</summary>
    private async Task RunAsync(Func<string, Task> action)
    {
        busy = true;
        try
        {
            await action(await ActorAsync());
        }
        catch (IntegrationCatalogException e)
        {
            Notifications.Notify(NotificationSeverity.Error, "Not saved", e.Message);
        }
        catch (Dashboard.Core.Access.Propagation.PropagationTimeoutException)
        {
            Notifications.Notify(NotificationSeverity.Warning, "Saved, still spreading", "Every instance applies it within seconds.");
        }
        finally
        {
            busy = false;
        }
        integrations = await Catalog.ListAsync();
    }
}
