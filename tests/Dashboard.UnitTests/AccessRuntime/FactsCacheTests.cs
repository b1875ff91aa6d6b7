using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Accounts;

namespace Dashboard.UnitTests.AccessRuntime;

public class FactsCacheTests
{
    private static readonly Guid Google = Guid.NewGuid();
    private static readonly Guid Alexa = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    private readonly Generations _generations = new();
    private readonly FactsCache _cache;

    public FactsCacheTests() => _cache = new FactsCache(_generations, 1_000);

    [Fact]
    public void TryGet_WhenFreshlyAdded_ReturnsTheFacts()
    {
        var key = new FactsKey(Google, Alice, "CAM-1");
        var facts = Facts(Alice, revision: 3);
        _cache.Add(key, facts, _generations.Capture(key));

        _cache.TryGet(key, out var cached).ShouldBeTrue();
        cached.ShouldBeSameAs(facts);
    }

    [Fact]
    public void Add_WhenTheDeviceWasInvalidatedDuringTheRead_IsNeverServed()
    {
        var key = new FactsKey(Google, Alice, "CAM-1");
        var stamp = _generations.Capture(key);   // before the database read
        _generations.InvalidateDevice("CAM-1");  // a change committed and was applied meanwhile
        _cache.Add(key, Facts(Alice, revision: 3), stamp);

        _cache.TryGet(key, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("device")]
    [InlineData("account")]
    [InlineData("integration")]
    [InlineData("all")]
    public void TryGet_AfterAnInvalidationOfItsSubject_Misses(string subject)
    {
        var key = new FactsKey(Google, Alice, "CAM-1");
        _cache.Add(key, Facts(Alice, revision: 3), _generations.Capture(key));

        Invalidate(subject, key);

        _cache.TryGet(key, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGet_AfterAnInvalidationOfAnotherSubject_StillHits()
    {
        var key = new FactsKey(Google, Alice, "CAM-1");
        _cache.Add(key, Facts(Alice, revision: 3), _generations.Capture(key));

        _generations.InvalidateDevice("CAM-2");
        _generations.InvalidateAccount(Bob);
        _generations.InvalidateIntegration(Alexa);

        _cache.TryGet(key, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task TryGet_WhenAReadStartedBeforeAnInvalidationRacesWithIt_NeverServesItAfterwards()
    {
        // Many interleavings of "capture, read, add" against "invalidate": whenever the capture came before the
        // invalidation, nothing may be served once the invalidation is done.
        for (var round = 0; round < 2_000; round++)
        {
            var key = new FactsKey(Google, Alice, "CAM-" + round);
            var stamp = _generations.Capture(key);
            var invalidated = new ManualResetEventSlim();
            var reader = Task.Run(() => _cache.Add(key, Facts(Alice, round), stamp));
            var writer = Task.Run(() =>
            {
                _generations.InvalidateDevice(key.Serial);
                invalidated.Set();
            });
            await Task.WhenAll(reader, writer);
            invalidated.IsSet.ShouldBeTrue();

            _cache.TryGet(key, out _).ShouldBeFalse($"round {round}");
        }
    }

    [Fact]
    public void Keys_ThatWouldCollideAsConcatenatedStrings_AreDifferent()
    {
        // "A" + ":" + "B:C" and "A:B" + ":" + "C" are one string, but never one key.
        var integration = Guid.NewGuid();
        var first = new FactsKey(integration, Alice, "B:C");
        var second = new FactsKey(integration, Alice, "B" + ":C" + "\0");
        _cache.Add(first, Facts(Alice, 1), _generations.Capture(first));

        first.ShouldNotBe(second);
        _cache.TryGet(second, out _).ShouldBeFalse();
        _cache.TryGet(new FactsKey(integration, Bob, "B:C"), out _).ShouldBeFalse();
        _cache.TryGet(new FactsKey(Alexa, Alice, "B:C"), out _).ShouldBeFalse();
    }

    [Fact]
    public void Add_BeyondCapacity_KeepsTheCacheBounded()
    {
        var cache = new FactsCache(_generations, capacity: 100);
        for (var i = 0; i < 10_000; i++)
        {
            var key = new FactsKey(Google, Alice, "CAM-" + i);
            cache.Add(key, Facts(Alice, 1), _generations.Capture(key));
        }

        cache.Count.ShouldBeLessThanOrEqualTo(100);
        var last = new FactsKey(Google, Alice, "CAM-9999");
        cache.TryGet(last, out _).ShouldBeTrue();
    }

    [Fact]
    public void TryGet_OfAnOldEntry_KeepsItThroughTheNextRotation()
    {
        var cache = new FactsCache(_generations, capacity: 10);
        var hot = new FactsKey(Google, Alice, "HOT");
        cache.Add(hot, Facts(Alice, 1), _generations.Capture(hot));
        for (var i = 0; i < 12; i++)
        {
            if (i % 3 == 0)
            {
                cache.TryGet(hot, out _).ShouldBeTrue();
            }
            var key = new FactsKey(Google, Alice, "COLD-" + i);
            cache.Add(key, Facts(Alice, 1), _generations.Capture(key));
        }

        cache.TryGet(hot, out _).ShouldBeTrue();
    }

    private void Invalidate(string subject, FactsKey key)
    {
        switch (subject)
        {
            case "device":
                _generations.InvalidateDevice(key.Serial);
                break;
            case "account":
                _generations.InvalidateAccount(key.AccountId);
                break;
            case "integration":
                _generations.InvalidateIntegration(key.IntegrationId);
                break;
            default:
                _generations.InvalidateAll();
                break;
        }
    }

    private static SubjectFacts Facts(Guid account, long revision) =>
        new(new AccountFacts(account, AccountStatus.Active), null, null, false, revision);
}
