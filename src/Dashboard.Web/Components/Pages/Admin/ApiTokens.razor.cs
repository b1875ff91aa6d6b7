using System.Globalization;
using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Actions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Admin;

/// <summary>Issue, list, rotate and revoke staff API tokens. All the rules live in <see cref="ApiTokenService"/>.</summary>
public sealed partial class ApiTokens
{
    private IReadOnlyList<ApiTokenView>? tokens;
    private ActionHost actions = default!;

    [Inject] private ApiTokenService Tokens { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<Localization.Common> Text { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => tokens = await Tokens.ListAsync();

    // Issuing fills a form, which is its own confirmation (decision 0060); rotating and revoking confirm through
    // ActionHost. Every secret is then shown once.
    private async Task IssueAsync()
    {
        var staff = await Tokens.ListStaffUsersAsync();
        var dialog = await Dialogs.ShowAsync<ApiTokensIssueDialog>(L["IssueTitle"],
            new DialogParameters<ApiTokensIssueDialog> { { d => d.StaffUsers, staff } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: ApiTokenIssueRequest request })
        {
            return;
        }
        IssuedApiToken issued;
        try
        {
            issued = await Tokens.IssueAsync(await ActorAsync(), request.UserId, request.Name);
        }
        catch (ApiTokenException e)
        {
            Snackbar.Add($"{Text["NotDone"]}: {e.Message}", Severity.Error);
            return;
        }
        Snackbar.Add(L["Issued", issued.Token.Name], Severity.Success);
        await LoadAsync();
        await ShowSecretAsync(L["IssuedTitle"], issued);
    }

    private async Task RotateAsync(ApiTokenView token)
    {
        IssuedApiToken? issued = null;
        await actions.RunAsync(new ActionRequest
        {
            Title = L["RotateTitle", token.Name],
            Summary = L["RotateSummary", token.Name, token.UserEmail],
            ConfirmText = L["Rotate"],
            BusyText = L["Rotating", token.Name],
            AsksReason = false,
        }, async _ => await TryAsync(async actor =>
        {
            issued = await Tokens.RotateAsync(actor, token.Id);
            return L["Rotated", token.Name];
        }));
        if (issued is not null)
        {
            await ShowSecretAsync(L["RotatedTitle"], issued);
        }
    }

    private Task RevokeAsync(ApiTokenView token) =>
        actions.RunAsync(new ActionRequest
        {
            Title = L["RevokeTitle", token.Name],
            Summary = L["RevokeSummary", token.Name, token.UserEmail],
            ConfirmText = L["Revoke"],
            BusyText = L["Revoking", token.Name],
            Destructive = true,
            AsksReason = false,
        }, _ => TryAsync(async actor =>
        {
            await Tokens.RevokeAsync(actor, token.Id);
            return L["Revoked", token.Name];
        }));

    private async Task<ActionOutcome> TryAsync(Func<string, Task<string>> change)
    {
        try
        {
            return ActionOutcome.Done(await change(await ActorAsync()));
        }
        catch (ApiTokenException e)
        {
            return ActionOutcome.Refused(e.Message);
        }
    }

    private async Task ShowSecretAsync(string title, IssuedApiToken issued)
    {
        var dialog = await Dialogs.ShowAsync<ApiTokensSecretDialog>(title,
            new DialogParameters<ApiTokensSecretDialog> { { d => d.Issued, issued } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false });
        await dialog.Result;
    }

    private async Task<string> ActorAsync() =>
        (await Authentication.GetAuthenticationStateAsync()).User.UserId()
        ?? throw new InvalidOperationException("The token page requires a signed-in user.");

    // TODO(when): <When> once it lands; until then the person's culture, marked UTC.
    private string Time(DateTime utc) => L["AtUtc", utc.ToString("g", CultureInfo.CurrentCulture)];
}

/// <summary>What the issue dialog returns.</summary>
public sealed record ApiTokenIssueRequest(string UserId, string Name);
