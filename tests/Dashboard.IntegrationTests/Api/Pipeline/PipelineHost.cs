using System.Collections.Concurrent;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Api;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.IntegrationTests.Api.Pipeline;

/// <summary>
/// The app's hosting pipeline and API configuration on real Kestrel (a loopback port) with test-only endpoints
/// in the <c>/api/v1</c> group: a JSON echo, a failing endpoint, one failing as
/// PostgreSQL out of reach does, a query parameter. No database needed.
/// </summary>
public sealed class PipelineHost : IAsyncLifetime
{
    public const string FailureMessage = "secret detail from deep inside the server";

    private WebApplication? _app;

    public LogSink Logs { get; } = new();

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(_app!.Urls.First()) };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(Logs);
        builder.Services.AddApiConventions();

        _app = builder.Build();
        // Plays the TLS-terminating proxy: in Production pages are served over HTTPS only (HttpsPages).
        _app.Use((context, next) =>
        {
            context.Request.Scheme = "https";
            return next(context);
        });
        _app.UseDashboardHosting();
        var api = _app.MapApiGroup();
        api.MapPost("/test/echo", (EchoRequest request) => TypedResults.Ok(request));
        api.MapGet("/test/fail", string () => throw new InvalidOperationException(FailureMessage));
        // A real connection refusal: nothing listens on a port just released.
        api.MapGet("/test/database-down", string () => throw RefusedConnection());
        _app.MapPost("/test/page-database-down", string () => throw RefusedConnection());
        api.MapGet("/test/number", (int n, string? text) => TypedResults.Ok(new { n, text }));
        api.MapGet("/test/output", () => TypedResults.Ok(new OutputSample(
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)),
            KillSwitchStatus.PendingApproval)));
        await _app.StartAsync();
    }

    private static Exception RefusedConnection()
    {
        var port = Dashboard.LocalPostgres.LoopbackPorts.PickFree();
        using var connection = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=nobody;Timeout=5");
        try
        {
            connection.Open();
        }
        catch (Npgsql.NpgsqlException e)
        {
            return e;
        }
        throw new InvalidOperationException($"Something answered on port {port}.");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public sealed record EchoRequest(
        string Reason, int Count, IReadOnlyList<string>? Tags = null, KillSwitchStatus? Status = null, DateTime? At = null);

    public sealed record OutputSample(DateTime UtcTime, DateTime UnspecifiedTime, DateTimeOffset OffsetTime, KillSwitchStatus Status);

    /// <summary>Keeps what the app logs, to check that failures are logged (and what is logged where).</summary>
    public sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> _entries = new();

        public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries => _entries.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink._entries.Enqueue((logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
