using System.Collections.Concurrent;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.IntegrationTests.Seeding;

/// <summary>Outside Development the flag alone never seeds the published demo credentials.</summary>
public sealed class SeedingRefusalTests(SeedingRefusalTests.ProductionAppFactory app) : IClassFixture<SeedingRefusalTests.ProductionAppFactory>
{
    public sealed class ProductionAppFactory : DashboardAppFactory
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);   // SeedDemoData is on
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.AddProvider(new WarningCollector(Warnings)));
        }
    }

    [Fact]
    public async Task Startup_InProductionWithSeedDemoData_SeedsNothingAndSaysWhy()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();

        (await db.Users.CountAsync()).ShouldBe(0);
        (await db.ApiTokens.CountAsync()).ShouldBe(0);
        (await db.BridgeKeys.CountAsync()).ShouldBe(0);
        (await db.Devices.CountAsync()).ShouldBe(0);
        (await db.Accounts.CountAsync()).ShouldBe(0);
        app.Warnings.ShouldContain(w => w.Contains("Database:SeedDemoData is set") && w.Contains("Production")
            && w.Contains("refusing to seed"));
        app.Services.GetRequiredService<ReadinessGate>().Steps.ShouldNotContain(s => s.Name == "demo-seed");
    }

    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
