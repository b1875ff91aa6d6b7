using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// Keeps everything the app logs, at every level: the formatted message, every structured value of the state,
/// every scope (and its values) and the exception, so a test can look for text anywhere a log sink could see it.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string> { formatter(state, exception) };
            AddValues(texts, state);
            capture.scopes.ForEachScope((scope, list) => AddValues(list, scope), texts);
            if (exception is not null)
            {
                texts.Add(exception.ToString());
            }
            capture.entries.Enqueue(new CapturedLog(logLevel, category, texts));
        }

        private static void AddValues(List<string> texts, object? state)
        {
            texts.Add(state?.ToString() ?? "");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    texts.Add($"{key}={Describe(value)}");
                }
            }
        }

        /// <summary>Collections are spelled out: a sink serializing a structured value would write its items.</summary>
        private static string Describe(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(i => i?.ToString())),
            _ => value.ToString() ?? "",
        };
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, IReadOnlyList<string> Texts);
