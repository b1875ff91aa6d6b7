using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace Dashboard.Web.Components.Pages.Admin;

/// <summary>Issue, list, rotate and revoke staff API tokens. All the rules live in <see cref="ApiTokenService"/>.</summary>
public sealed partial class ApiTokens
{
    private IReadOnlyList<ApiTokenView>? tokens;

    [Inject] private ApiTokenService Tokens { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() => tokens = await Tokens.ListAsync();

    private async Task IssueAsync()
    {
        var staff = await Tokens.ListStaffUsersAsync();
        var request = await Dialogs.OpenAsync<ApiTokensIssueDialog>("Issue a staff API token",
            new Dictionary<string, object?> { [nameof(ApiTokensIssueDialog.StaffUsers)] = staff },
            new DialogOptions { Width = "32rem" }) as ApiTokenIssueRequest;
        if (request is null)
        {
            return;
        }
        await RunAsync(async actor => await ShowSecretAsync("Token issued",
            await Tokens.IssueAsync(actor, request.UserId, request.Name)));
    }

    private async Task RotateAsync(ApiTokenView token)
    {
        var confirmed = await Dialogs.Confirm(
            $"Rotate \"{token.Name}\" ({token.UserEmail})? The current token stops working now and a new one is shown once.",
            "Rotate token", new ConfirmOptions { OkButtonText = "Rotate", CancelButtonText = "Cancel" });
        if (confirmed == true)
        {
            await RunAsync(async actor => await ShowSecretAsync("Token rotated", await Tokens.RotateAsync(actor, token.Id)));
        }
    }

    private async Task RevokeAsync(ApiTokenView token)
    {
        var confirmed = await Dialogs.Confirm(
            $"Revoke \"{token.Name}\" ({token.UserEmail})? Anything using it gets 401 from now on. This cannot be undone.",
            "Revoke token", new ConfirmOptions { OkButtonText = "Revoke", CancelButtonText = "Cancel" });
        if (confirmed == true)
        {
            await RunAsync(async actor =>
            {
                await Tokens.RevokeAsync(actor, token.Id);
                Notifications.Notify(NotificationSeverity.Success, "Token revoked", token.Name);
            });
        }
    }

    private async Task ShowSecretAsync(string title, IssuedApiToken issued) =>
        await Dialogs.OpenAsync<ApiTokensSecretDialog>(title,
            new Dictionary<string, object?> { [nameof(ApiTokensSecretDialog.Issued)] = issued },
            new DialogOptions { Width = "36rem", CloseDialogOnOverlayClick = false });

    /// <summary>Runs an action as the signed-in user, reports a refused request, and reloads the list.</summary>
    private async Task RunAsync(Func<string, Task> action)
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        var actor = state.User.UserId() ?? throw new InvalidOperationException("The token page requires a signed-in user.");
        try
        {
            await action(actor);
        }
        catch (ApiTokenException e)
        {
            Notifications.Notify(NotificationSeverity.Error, "Not done", e.Message);
        }
        tokens = await Tokens.ListAsync();
    }
}

/// <summary>What the issue dialog returns.</summary>
public sealed record ApiTokenIssueRequest(string UserId, string Name);

internal static class ApiTokensFormat
{
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
