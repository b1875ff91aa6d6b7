using System.Net;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.UnitTests.Auth;

public sealed class SignInRateLimitPartitionTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Partition_GroupsAnIPv6ClientsWhole64_AndKeepsIPv4AddressesApart(string address, string expected)
    {
        SignInRateLimitPolicy.Partition(IPAddress.Parse(address)).ShouldBe(expected);
    }

    [Fact]
    public void Partition_WithoutAnAddress_SharesOneBucket()
    {
        SignInRateLimitPolicy.Partition(null).ShouldBe(SignInRateLimitPolicy.Partition(null));
    }
}

public sealed class UnknownLoginFailuresTests
{
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private static (UnknownLoginFailures Failures, ManualClock Clock) Create()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var identity = Options.Create(new IdentityOptions { Lockout = { MaxFailedAccessAttempts = 3, DefaultLockoutTimeSpan = Lockout } });
        return (new UnknownLoginFailures(identity, clock), clock);
    }

    [Fact]
    public void RecordFailure_LocksOnTheThresholdFailure_LikeIdentity()
    {
        var (failures, clock) = Create();
        using var _ = failures;

        failures.RecordFailure("NOBODY@EXAMPLE.TEST").ShouldBeNull();
        failures.RecordFailure("NOBODY@EXAMPLE.TEST").ShouldBeNull();
        var lockedUntil = failures.RecordFailure("NOBODY@EXAMPLE.TEST");

        lockedUntil.ShouldBe(clock.GetUtcNow() + Lockout);
        failures.LockedUntil("NOBODY@EXAMPLE.TEST").ShouldBe(lockedUntil);
        failures.LockedUntil("SOMEONE-ELSE@EXAMPLE.TEST").ShouldBeNull();
    }

    [Fact]
    public void AfterTheLockoutEnds_TheCountStartsAgain()
    {
        var (failures, clock) = Create();
        using var _ = failures;
        for (var i = 0; i < 3; i++)
        {
            failures.RecordFailure("NOBODY@EXAMPLE.TEST");
        }

        clock.Advance(Lockout + TimeSpan.FromSeconds(1));

        failures.LockedUntil("NOBODY@EXAMPLE.TEST").ShouldBeNull();
        failures.RecordFailure("NOBODY@EXAMPLE.TEST").ShouldBeNull();
        failures.RecordFailure("NOBODY@EXAMPLE.TEST").ShouldBeNull();
        failures.RecordFailure("NOBODY@EXAMPLE.TEST").ShouldNotBeNull();
    }
}
