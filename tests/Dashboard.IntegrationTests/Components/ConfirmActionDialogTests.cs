using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Actions;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.IntegrationTests.Components;

/// <summary>The confirmation every state-changing action goes through (ActionHost), on the real app's services.</summary>
public sealed class ConfirmActionDialogTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly ActionRequest Transfer = new()
    {
        Title = "Transfer CAM-1", Summary = "Transfer CAM-1 to another account.", ConfirmText = "Transfer",
        BusyText = "Transferring CAM-1", AccountLabel = "New owner (email)",
    };

    [Fact]
    public async Task Confirm_WithoutReason_RunsNothingAndSaysWhy()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var (host, provider) = Render(ctx);
        var ran = false;
        var running = ctx.Renderer.Dispatcher.InvokeAsync(() => host.Instance.RunAsync(Transfer with { AccountLabel = null }, _ =>
        {
            ran = true;
            return Task.FromResult(ActionOutcome.Done("done"));
        }));

        provider.WaitForElement("[data-testid=reason-dialog-confirm]").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Give a reason"));
        ran.ShouldBeFalse();
        running.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Confirm_WithUnknownEmail_KeepsTheReasonAndNamesTheEmail()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var (host, provider) = Render(ctx);
        _ = ctx.Renderer.Dispatcher.InvokeAsync(() => host.Instance.RunAsync(Transfer, _ => Task.FromResult(ActionOutcome.Done("done"))));

        provider.WaitForElement("[data-testid=reason-dialog-account]").Input("nobody@demo.test");
        provider.Find("[data-testid=reason-dialog-reason]").Input("ticket 42");
        provider.Find("[data-testid=reason-dialog-confirm]").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("No account has the email “nobody@demo.test”"));
        provider.Find("[data-testid=reason-dialog-reason]").GetAttribute("value").ShouldBe("ticket 42");
    }

    [Fact]
    public async Task Confirm_WithReasonAndExactEmail_RunsWithTheAccountAndReloads()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var reloads = 0;
        var (host, provider, snackbars) = RenderWithSnackbar(ctx, () => reloads++);
        ActionInput? given = null;
        var running = ctx.Renderer.Dispatcher.InvokeAsync(() => host.Instance.RunAsync(Transfer, input =>
        {
            given = input;
            return Task.FromResult(ActionOutcome.Done("CAM-1 is now owned by bob@demo.test."));
        }));

        provider.WaitForElement("[data-testid=reason-dialog-account]").Input("bob@demo.test");
        provider.Find("[data-testid=reason-dialog-reason]").Input("  ticket 42  ");
        provider.Find("[data-testid=reason-dialog-confirm]").Click();

        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(15));
        outcome.ShouldNotBeNull().Succeeded.ShouldBeTrue();
        given.ShouldNotBeNull().Reason.ShouldBe("ticket 42");
        given.Account.ShouldNotBeNull().Email.ShouldBe("bob@demo.test");
        reloads.ShouldBe(1);
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("CAM-1 is now owned by bob@demo.test."));
    }

    [Fact]
    public async Task Confirm_AfterAnUnknownEmail_WithAKnownOne_Runs()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var (host, provider) = Render(ctx);
        var running = ctx.Renderer.Dispatcher.InvokeAsync(() => host.Instance.RunAsync(Transfer, _ => Task.FromResult(ActionOutcome.Done("done"))));
        provider.WaitForElement("[data-testid=reason-dialog-account]").Input("nobody@demo.test");
        provider.Find("[data-testid=reason-dialog-reason]").Input("ticket 42");
        provider.Find("[data-testid=reason-dialog-confirm]").Click();
        provider.WaitForAssertion(() => provider.Markup.ShouldContain("No account has the email"));

        provider.Find("[data-testid=reason-dialog-account]").Input("bob@demo.test");
        provider.Find("[data-testid=reason-dialog-confirm]").Click();

        (await running.WaitAsync(TimeSpan.FromSeconds(15))).ShouldNotBeNull().Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Check_Refusing_KeepsTheDialogAndWhatWasTyped_AndRunsNothing()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var (host, provider) = Render(ctx);
        var ran = false;
        var request = Transfer with { Check = input => Task.FromResult<string?>(input.Account?.Email == "bob@demo.test" ? "bob owns it already" : null) };
        var running = ctx.Renderer.Dispatcher.InvokeAsync(() => host.Instance.RunAsync(request, _ =>
        {
            ran = true;
            return Task.FromResult(ActionOutcome.Done("done"));
        }));

        provider.WaitForElement("[data-testid=reason-dialog-account]").Input("bob@demo.test");
        provider.Find("[data-testid=reason-dialog-reason]").Input("sold");
        provider.Find("[data-testid=reason-dialog-confirm]").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid=reason-dialog-refusal]").TextContent.ShouldBe("bob owns it already"));
        provider.Find("[data-testid=reason-dialog-reason]").GetAttribute("value").ShouldBe("sold");
        ran.ShouldBeFalse();
        running.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Cancel_RunsNothingAndDoesNotReload()
    {
        await using var ctx = await PageTestContext.ForAsync(app, "support@demo.test");
        var reloads = 0;
        var (host, provider) = Render(ctx, () => reloads++);
        var running = ctx.Renderer.Dispatcher.InvokeAsync(() => host.Instance.RunAsync(Transfer, _ => throw new InvalidOperationException("must not run")));

        provider.WaitForElement("[data-testid=reason-dialog-cancel]").Click();

        (await running.WaitAsync(TimeSpan.FromSeconds(15))).ShouldBeNull();
        reloads.ShouldBe(0);
    }

    private static (IRenderedComponent<ActionHost> Host, IRenderedComponent<MudDialogProvider> Provider) Render(BunitContext ctx, Action? reload = null)
    {
        var (host, provider, _) = RenderWithSnackbar(ctx, reload);
        return (host, provider);
    }

    private static (IRenderedComponent<ActionHost>, IRenderedComponent<MudDialogProvider>, IRenderedComponent<MudSnackbarProvider>) RenderWithSnackbar(
        BunitContext ctx, Action? reload = null)
    {
        var provider = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        ctx.Render<MudPopoverProvider>();
        var host = ctx.Render<ActionHost>(p => p.Add(h => h.Reload, EventCallback.Factory.Create(new object(), () => reload?.Invoke())));
        return (host, provider, snackbars);
    }
}
