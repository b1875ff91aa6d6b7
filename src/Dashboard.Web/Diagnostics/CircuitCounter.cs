using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Diagnostics;

/// <summary>
/// How many Blazor circuits this instance holds: open ones (from creation until the server releases them, which for a
/// circuit whose browser went away without saying so is after the disconnected-circuit retention period) and, among
/// them, those with a connection right now.
/// </summary>
public sealed class CircuitCounter
{
    private int _open;
    private int _connected;

    public int Open => Volatile.Read(ref _open);

    public int Connected => Volatile.Read(ref _connected);

    /// <summary>One per circuit (circuit handlers are resolved from the circuit's scope); it only counts.</summary>
    internal sealed class Handler(CircuitCounter counter) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref counter._open);
            return Task.CompletedTask;
        }

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._connected);
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref counter._connected);
            return Task.CompletedTask;
        }
    }
}
