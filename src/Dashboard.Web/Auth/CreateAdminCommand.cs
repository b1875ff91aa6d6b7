using System.Net.Mail;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Auth;

/// <summary>
/// <c>create-admin --email X</c>: the way in outside Development. Applies migrations, creates a VendorAdmin with
/// a random one-time password, prints it once and audits the creation in the same transaction.
/// Exit codes: 0 created, 1 refused (address taken, Identity rejected it), 2 usage error.
/// </summary>
public sealed class CreateAdminCommand(string? email, TextWriter output, TextWriter error) : IHostCommand
{
    public const int Created = 0;
    public const int Refused = 1;
    public const int UsageError = 2;

    private const string Usage = "Usage: create-admin --email <address>";

    public static IHostCommand Parse(string[] args) => new CreateAdminCommand(EmailArgument(args), Console.Out, Console.Error);

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (email is null)
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }
        if (!IsValidEmail(email))
        {
            await error.WriteLineAsync($"'{email}' is not a valid email address. {Usage}");
            return UsageError;
        }
        var canonical = Account.CanonicalEmail(email);

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByEmailAsync(canonical) is not null || await users.FindByNameAsync(canonical) is not null)
        {
            await error.WriteLineAsync($"A user with the email {canonical} already exists; nothing was created.");
            return Refused;
        }

        var password = OneTimePassword.Generate();
        string? failure;
        try
        {
            failure = await CreateAsync(scope.ServiceProvider, canonical, password);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e)
        {
            // The unique index caught what the check above missed: someone created the same user meanwhile.
            failure = e.InnerException?.Message ?? e.Message;
        }
        if (failure is not null)
        {
            await error.WriteLineAsync($"Could not create {canonical}: {failure}");
            return Refused;
        }

        await output.WriteLineAsync($"Created VendorAdmin {canonical}.");
        await output.WriteLineAsync($"One-time password (shown only now): {password}");
        await output.WriteLineAsync("Sign in at /Account/Login and change it.");
        return Created;
    }

    /// <summary>User, role and audit entry in one transaction: either all of it exists afterwards or none of it.</summary>
    private static async Task<string?> CreateAsync(IServiceProvider services, string canonical, string password)
    {
        var db = services.GetRequiredService<DashboardDbContext>();
        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var audit = services.GetRequiredService<AuditLog>();

        await using var tx = await db.Database.BeginTransactionAsync();
        var roleCreated = false;
        if (!await roles.RoleExistsAsync(Roles.VendorAdmin))
        {
            var roleResult = await roles.CreateAsync(new IdentityRole(Roles.VendorAdmin));
            if (!roleResult.Succeeded)
            {
                return Describe(roleResult);
            }
            roleCreated = true;
        }

        var user = new DashboardUser { UserName = canonical, Email = canonical, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.VendorAdmin);
        }
        if (!result.Succeeded)
        {
            return Describe(result);
        }

        await audit.AppendAsync(db, new AuditRecord(AuditLog.System, "user.created", "user", user.Id,
            Reason: "create-admin command",
            Data: new { userId = user.Id, role = Roles.VendorAdmin, roleCreated }));
        await tx.CommitAsync();
        return null;
    }

    private static string? EmailArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--email" && i + 1 < args.Length)
            {
                return args[i + 1];
            }
            if (args[i].StartsWith("--email=", StringComparison.Ordinal))
            {
                return args[i]["--email=".Length..];
            }
        }
        return null;
    }

    internal static bool IsValidEmail(string email)
    {
        var trimmed = email.Trim();
        // MailAddress also accepts "Name <a@b>" and bare local hosts; a login needs a plain address with a domain.
        return trimmed.Length is > 0 and <= 256
            && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && parsed.DisplayName.Length == 0
            && parsed.Host.Contains('.')
            && !trimmed.Any(char.IsWhiteSpace);
    }

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description));
}
