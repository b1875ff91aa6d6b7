using Dashboard.Core.Auth;
using Dashboard.Web.Auth;

namespace Dashboard.UnitTests.Auth;

public sealed class BridgeKeyDirectoryTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public void Authenticate_WhenKeyIsLoaded_IsValid()
    {
        var directory = BridgeKeys.Directory(_clock);
        var credential = BridgeKeys.Credential("dev-bridge-alexa");
        directory.Replace([credential], _clock.GetTimestamp());

        directory.Authenticate(SecretDigest.Of("dev-bridge-alexa"), out var found).ShouldBe(BridgeKeyLookup.Valid);
        found.ShouldBe(credential);
    }

    [Fact]
    public void Authenticate_WhenKeyIsNotLoaded_IsUnknown()
    {
        var directory = BridgeKeys.Directory(_clock);
        directory.Replace([BridgeKeys.Credential("dev-bridge-alexa")], _clock.GetTimestamp());

        directory.Authenticate(SecretDigest.Of("dev-bridge-ifttt"), out _).ShouldBe(BridgeKeyLookup.Unknown);
    }

    [Fact]
    public void Authenticate_WhenRotatedWithOverlap_OldKeyWorksUntilExpiryThenNot()
    {
        var directory = BridgeKeys.Directory(_clock);
        var expiresAt = Now.AddSeconds(30);
        directory.Replace([BridgeKeys.Credential("old-key", expiresAt: expiresAt), BridgeKeys.Credential("new-key")],
            _clock.GetTimestamp());

        _clock.Advance(TimeSpan.FromSeconds(29));
        directory.Authenticate(SecretDigest.Of("old-key"), out _).ShouldBe(BridgeKeyLookup.Valid);

        // No reload in between: expiry is checked against the clock per request, so the overlap ends on time.
        _clock.Advance(TimeSpan.FromSeconds(1));
        directory.Authenticate(SecretDigest.Of("old-key"), out _).ShouldBe(BridgeKeyLookup.Expired);
        directory.Authenticate(SecretDigest.Of("new-key"), out _).ShouldBe(BridgeKeyLookup.Valid);
    }

    [Fact]
    public void Authenticate_WhenRevoked_IsExpired()
    {
        var directory = BridgeKeys.Directory(_clock);
        directory.Replace([BridgeKeys.Credential("revoked", revokedAt: Now.AddSeconds(-1))], _clock.GetTimestamp());

        directory.Authenticate(SecretDigest.Of("revoked"), out _).ShouldBe(BridgeKeyLookup.Expired);
    }

    [Fact]
    public void Authenticate_WhenNothingLoadedYet_IsUnavailable()
    {
        var directory = BridgeKeys.Directory(_clock);

        directory.Authenticate(SecretDigest.Of("dev-bridge-alexa"), out _).ShouldBe(BridgeKeyLookup.Unavailable);
        directory.IsLoaded.ShouldBeFalse();
    }

    [Fact]
    public void Authenticate_WhenKeysAreOlderThanMaxStaleness_FailsClosed()
    {
        var options = new DashboardAuthOptions { BridgeKeyMaxStaleness = TimeSpan.FromSeconds(60) };
        var directory = BridgeKeys.Directory(_clock, options);
        directory.Replace([BridgeKeys.Credential("dev-bridge-alexa")], _clock.GetTimestamp());

        _clock.Advance(TimeSpan.FromSeconds(59));
        directory.Authenticate(SecretDigest.Of("dev-bridge-alexa"), out _).ShouldBe(BridgeKeyLookup.Valid);

        _clock.Advance(TimeSpan.FromSeconds(2));
        directory.Authenticate(SecretDigest.Of("dev-bridge-alexa"), out _).ShouldBe(BridgeKeyLookup.Unavailable);
    }

    [Fact]
    public async Task RefreshIfStale_WhenReloadedWithinASecond_DoesNotReachTheDatabase()
    {
        var directory = BridgeKeys.Directory(_clock);
        directory.Replace([], _clock.GetTimestamp());
        _clock.Advance(TimeSpan.FromMilliseconds(900));

        // The factory behind this directory throws if used: a reload here would fail the test.
        (await directory.RefreshIfStaleAsync()).ShouldBeFalse();
    }
}
