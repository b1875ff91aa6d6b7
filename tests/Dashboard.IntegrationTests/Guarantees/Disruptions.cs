using System.Collections.Concurrent;
using System.Net;
using Dashboard.Core.Access.Runtime;
using Npgsql;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// Keeps an instance's change feed down: ends its LISTEN session from the server side, and again each time the instance
/// reconnects, until stopped. The instance sees what a network cut or a restarted connection pooler does to it.
/// </summary>
public sealed class FeedCutter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _cuts;

    private FeedCutter(TwoInstances instances, AppInstance target)
    {
        _loop = Task.Run(async () =>
        {
            // One session for every cut, polling without pause: a reconnection is ended before it can resynchronize
            // far more often than not.
            await using var connection = new NpgsqlConnection(instances.ConnectionString);
            await connection.OpenAsync();
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", connection);
            cut.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AccessDatabase.FeedApplicationNamePrefix + target.InstanceId });
            while (!_stop.IsCancellationRequested)
            {
                if ((long)(await cut.ExecuteScalarAsync())! > 0)
                {
                    Interlocked.Increment(ref _cuts);
                }
                await Task.Delay(1, CancellationToken.None);
            }
        });
    }

    /// <summary>Sessions ended so far (the first, and one per reconnection).</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    public static FeedCutter Start(TwoInstances instances, AppInstance target) => new(instances, target);

    /// <summary>Stops cutting; the instance may reconnect from now on.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}

/// <summary>An instance's <c>/readyz</c>, polled continuously; each answer recorded with its send and receive times.</summary>
public sealed class ReadinessMonitor : IAsyncDisposable
{
    private readonly ConcurrentQueue<(long SentAt, long ReceivedAt, HttpStatusCode? Status)> _answers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ReadinessMonitor(AppInstance instance)
    {
        _loop = Task.Run(async () =>
        {
            using var client = instance.CreateClient(timeout: TimeSpan.FromSeconds(5));
            while (!_stop.IsCancellationRequested)
            {
                var sent = Moment.Now();
                HttpStatusCode? status = null;
                try
                {
                    using var response = await client.GetAsync("/readyz", CancellationToken.None);
                    status = response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Recorded as no answer.
                }
                _answers.Enqueue((sent, Moment.Now(), status));
                await Task.Delay(10, CancellationToken.None);
            }
        });
    }

    public IReadOnlyList<(long SentAt, long ReceivedAt, HttpStatusCode? Status)> Answers => _answers.ToArray();

    public static ReadinessMonitor Start(AppInstance instance) => new(instance);

    /// <summary>Waits until an answer to a request sent after <paramref name="since"/> is <paramref name="status"/>; returns when it arrived.</summary>
    public async Task<long> WaitForAsync(HttpStatusCode status, long since, TimeSpan timeout)
    {
        var deadline = Moment.After(Moment.Now(), timeout);
        while (true)
        {
            var seen = Answers.FirstOrDefault(a => a.SentAt > since && a.Status == status);
            if (seen != default)
            {
                return seen.ReceivedAt;
            }
            if (Moment.Now() > deadline)
            {
                var last = Answers.LastOrDefault();
                throw new TimeoutException($"/readyz never answered {(int)status} within {timeout} (last: {last.Status?.ToString() ?? "none"})");
            }
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
