using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dashboard.IntegrationTests.Infrastructure;

/// <summary>
/// One log entry as a provider saw it, with every scope it was written in (outermost first), and as
/// <see cref="Texts"/> everything a sink could write of it: the message, each structured value of the state and of
/// every scope, and the exception.
/// </summary>
public sealed record CapturedLogEntry(
    string Category, LogLevel Level, string Message, IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> Scopes,
    IReadOnlyList<string> Texts)
{
    /// <summary>The value of <paramref name="key"/> in the innermost scope that names it, or null.</summary>
    public string? Scope(string key) =>
        Scopes.Reverse().SelectMany(s => s).Where(p => p.Key == key).Select(p => p.Value?.ToString()).FirstOrDefault();
}

/// <summary>
/// A logger provider that keeps every entry with its scopes, as the JSON console would write them: add it in a
/// factory's <c>ConfigureLogging</c> (with a filter for the levels wanted) to assert on what the app logs.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLogEntry> Entries => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var scopes = new List<IReadOnlyList<KeyValuePair<string, object?>>>();
            var texts = new List<string> { message };
            AddTexts(texts, state);
            owner.scopes.ForEachScope((scope, list) =>
            {
                list.Add(scope switch
                {
                    IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToList(),
                    _ => [new KeyValuePair<string, object?>("Scope", scope?.ToString())],
                });
                AddTexts(texts, scope);
            }, scopes);
            if (exception is not null)
            {
                texts.Add(exception.ToString());
            }
            owner.entries.Enqueue(new CapturedLogEntry(category, logLevel, message, scopes, texts));
        }

        private static void AddTexts(List<string> texts, object? state)
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
