using System.Net;
using Dashboard.Core.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// The app over an empty database with a small sign-in limit and lockout threshold. Requests may say which client
/// address they come from (<see cref="ClientAddressHeader"/>, honoured only in this test host), so each test has
/// its own rate-limit bucket, and the password hasher counts how often it runs.
/// </summary>
public sealed class SignInProtectionAppFactory : DashboardAppFactory
{
    public const int PermitLimit = 5;
    public const int MaxFailedSignIns = 3;
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public CountingPasswordHasher Hasher { get; } = new();

    protected override bool SeedDemoData => false;

    protected override int SignInRateLimit => PermitLimit;

    /// <summary>A client that keeps cookies, shows redirects, and comes from <paramref name="address"/>.</summary>
    public HttpClient CreateClientFrom(IPAddress address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address.ToString());
        return client;
    }

    private static int _nextAddress;

    /// <summary>An address no other test of this run has used (10.x.y.z).</summary>
    public static IPAddress FreshAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:MaxFailedSignIns", MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Long enough that no permit comes back while a test runs.
        builder.UseSetting("Auth:SignInRateLimit:Window", "01:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPasswordHasher<DashboardUser>>(Hasher);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>Runs before the app's own pipeline, so the rate limiter sees the address the test chose.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Identity's own hasher, counting verifications: how a test sees whether a password check ran.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<DashboardUser>
{
    private readonly PasswordHasher<DashboardUser> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(DashboardUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(DashboardUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
