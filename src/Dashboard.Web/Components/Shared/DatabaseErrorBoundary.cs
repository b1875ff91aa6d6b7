using System.Runtime.ExceptionServices;
using Dashboard.Core.Data;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Around every interactive page (see MainLayout): when a component of the page fails because PostgreSQL is out of
/// reach (while loading, paging a grid, searching, saving), the page is replaced by a readable message with a "Try
/// again" button, and the circuit lives on. Once PostgreSQL is back, "Try again" (or going to any page) renders the page
/// afresh, which loads its data again. Any other failure is not this boundary's to explain: it is thrown on, and ends
/// the circuit exactly as it would without the boundary. docs/decisions/0017-database-outage.md says why one boundary
/// rather than a catch in every component.
/// </summary>
public sealed partial class DatabaseErrorBoundary : ErrorBoundaryBase
{
    [Inject] private ILogger<DatabaseErrorBoundary> Logger { get; set; } = default!;
    [Inject] private PooledConnections Pools { get; set; } = default!;

    /// <summary>
    /// A navigation gives the layout a new body, so the page asked for is tried again rather than the message kept.
    /// Any other re-render of the layout does the same, which is harmless: a page that still fails shows the message.
    /// </summary>
    protected override void OnParametersSet() => Recover();

    protected override Task OnErrorAsync(Exception exception)
    {
        if (DatabaseUnavailable.Is(exception))
        {
            LogUnavailable(Logger, exception.GetBaseException().Message);
            Pools.Forget();
        }
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        if (!DatabaseUnavailable.Is(CurrentException))
        {
            // Thrown while rendering the boundary itself, which goes to the boundary's parent: none, so the circuit ends.
            ExceptionDispatchInfo.Throw(CurrentException);
        }
        builder.OpenComponent<DatabaseUnavailableMessage>(1);
        builder.AddComponentParameter(2, nameof(DatabaseUnavailableMessage.Retry), EventCallback.Factory.Create(this, Recover));
        builder.CloseComponent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page could not reach the database: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
