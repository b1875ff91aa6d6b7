using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.UnitTests.Auth;

public sealed class PasswordRulesTests
{
    private static async Task<IdentityResult> ValidateAsync(string password)
    {
        var options = new IdentityOptions();
        AuthSetup.ConfigureIdentity(options);
        using var users = new UserManager<DashboardUser>(
            new NoStore(), Options.Create(options), new PasswordHasher<DashboardUser>(), [], [new PasswordValidator<DashboardUser>()],
            new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(), null!, null!);
        return await users.PasswordValidators.Single().ValidateAsync(users, new DashboardUser(), password);
    }

    [Fact]
    public async Task Validate_WhenDemoPassword_Accepts()
    {
        (await ValidateAsync(WellKnownDemoSecrets.Password)).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("short-A1")]
    [InlineData("alllowercase-1")]
    [InlineData("ALLUPPERCASE-1")]
    [InlineData("NoDigits-here")]
    [InlineData("NoSymbols1234")]
    public async Task Validate_WhenWeak_Refuses(string password)
    {
        (await ValidateAsync(password)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_WhenOneTimePassword_AcceptsEveryOne()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = OneTimePassword.Generate();
            (await ValidateAsync(password)).Succeeded.ShouldBeTrue(password);
        }
    }

    [Fact]
    public void OneTimePassword_IsLongAndDifferentEachTime()
    {
        var passwords = Enumerable.Range(0, 100).Select(_ => OneTimePassword.Generate()).ToList();

        passwords.ShouldAllBe(p => p.Length == 20);
        passwords.Distinct().Count().ShouldBe(passwords.Count);
    }

    private sealed class NoStore : IUserStore<DashboardUser>
    {
        public void Dispose() { }
        public Task<string> GetUserIdAsync(DashboardUser user, CancellationToken ct) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(DashboardUser user, CancellationToken ct) => Task.FromResult(user.UserName);
        public Task SetUserNameAsync(DashboardUser user, string? userName, CancellationToken ct) => Task.CompletedTask;
        public Task<string?> GetNormalizedUserNameAsync(DashboardUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
        public Task SetNormalizedUserNameAsync(DashboardUser user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;
        public Task<IdentityResult> CreateAsync(DashboardUser user, CancellationToken ct) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> UpdateAsync(DashboardUser user, CancellationToken ct) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> DeleteAsync(DashboardUser user, CancellationToken ct) => Task.FromResult(IdentityResult.Success);
        public Task<DashboardUser?> FindByIdAsync(string userId, CancellationToken ct) => Task.FromResult<DashboardUser?>(null);
        public Task<DashboardUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => Task.FromResult<DashboardUser?>(null);
    }
}
