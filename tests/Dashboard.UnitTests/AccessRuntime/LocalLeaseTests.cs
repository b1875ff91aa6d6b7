using Dashboard.Core.Access.Runtime;

namespace Dashboard.UnitTests.AccessRuntime;

public class LocalLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    private readonly ManualTime _time = new();
    private readonly LocalLease _lease;

    public LocalLeaseTests() => _lease = new LocalLease(_time);

    [Fact]
    public void Holds_AtStart_IsFalse()
    {
        _lease.Holds.ShouldBeFalse();
        _lease.TryRenew(_lease.Token, _time.GetTimestamp(), Lease).ShouldBeFalse();
    }

    [Fact]
    public void TryRevive_CountsFromWhenTheRenewalWasSent()
    {
        var sent = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromMilliseconds(500));   // the round trip

        _lease.TryRevive(_lease.Token, sent, Lease).ShouldBeTrue();

        _time.Advance(TimeSpan.FromMilliseconds(1_499));
        _lease.Holds.ShouldBeTrue();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _lease.Holds.ShouldBeFalse();
    }

    [Fact]
    public void TryRenew_AfterTheLeaseLapsed_FailsSoThatRevivalRulesApply()
    {
        var token = _lease.Token;
        _lease.TryRevive(token, _time.GetTimestamp(), Lease);
        var sent = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(3));   // the renewal landed after the lease ran out

        _lease.TryRenew(token, sent, Lease).ShouldBeFalse();
        _lease.Holds.ShouldBeFalse();
    }

    [Fact]
    public void Revoke_StopsTheLeaseAndInvalidatesRenewalsInFlight()
    {
        var token = _lease.Token;
        _lease.TryRevive(token, _time.GetTimestamp(), Lease);
        var sent = _time.GetTimestamp();   // a renewal goes out ...

        _lease.Revoke();                   // ... the change feed is lost ...

        _lease.Holds.ShouldBeFalse();
        _lease.TryRenew(token, sent, Lease).ShouldBeFalse();   // ... and its answer cannot bring the lease back
        _lease.TryRevive(token, sent, Lease).ShouldBeFalse();
        _lease.Holds.ShouldBeFalse();
    }

    [Fact]
    public void TryRenew_WithAnOlderSendTime_NeverShortensTheLease()
    {
        var early = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        _lease.TryRevive(_lease.Token, _time.GetTimestamp(), Lease);

        _lease.TryRenew(_lease.Token, early, Lease).ShouldBeTrue();

        _time.Advance(TimeSpan.FromMilliseconds(1_900));
        _lease.Holds.ShouldBeTrue();
    }
}
