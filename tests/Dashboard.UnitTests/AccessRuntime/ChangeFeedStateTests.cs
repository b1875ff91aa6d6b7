using Dashboard.Core.Access.Runtime;

namespace Dashboard.UnitTests.AccessRuntime;

public class ChangeFeedStateTests
{
    private readonly ManualTime _time = new();
    private readonly LocalLease _lease;
    private readonly ChangeFeedState _feed;

    public ChangeFeedStateTests()
    {
        _lease = new LocalLease(_time);
        _feed = new ChangeFeedState(_lease);
    }

    [Fact]
    public void IsHealthy_AfterConnecting_WaitsForTheResync()
    {
        var session = _feed.Connected(backendPid: 42);

        _feed.IsHealthy.ShouldBeFalse();
        _feed.BackendPid.ShouldBe(42);
        _feed.Synced(session);
        _feed.IsHealthy.ShouldBeTrue();
        _feed.IsHealthyIn(session).ShouldBeTrue();
    }

    [Fact]
    public void Synced_ForAnEarlierConnection_DoesNotMakeALaterOneHealthy()
    {
        var lost = _feed.Connected(1);
        _feed.Lost();
        _feed.Connected(2);

        _feed.Synced(lost);

        _feed.IsHealthy.ShouldBeFalse();
    }

    [Fact]
    public void Lost_RevokesTheLeaseAtOnce()
    {
        var session = _feed.Connected(1);
        _feed.Synced(session);
        _lease.TryRevive(_lease.Token, _time.GetTimestamp(), TimeSpan.FromSeconds(2));

        _feed.Lost();

        _lease.Holds.ShouldBeFalse();
        _feed.IsHealthy.ShouldBeFalse();
        _feed.IsHealthyIn(session).ShouldBeFalse();
        _feed.BackendPid.ShouldBeNull();
    }

    [Fact]
    public void Synced_RaisesBecameHealthyOnce()
    {
        var raised = 0;
        _feed.BecameHealthy += () => raised++;
        var session = _feed.Connected(1);

        _feed.Synced(session);
        _feed.Synced(session);

        raised.ShouldBe(1);
    }
}
