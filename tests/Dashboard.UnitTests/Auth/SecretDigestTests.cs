using Dashboard.Core.Auth;

namespace Dashboard.UnitTests.Auth;

public sealed class SecretDigestTests
{
    [Theory]
    [InlineData("dev-admin-token")]
    [InlineData("fdt_abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEF")]
    [InlineData("ünïcödé-🔑")]
    public void Of_MatchesTheStoredSha256(string secret)
    {
        SecretDigest.Of(secret).ToHash().ShouldBe(SecretHash.Sha256(secret));
    }

    [Fact]
    public void Of_WhenSecretIsLongerThanTheStackBuffer_StillMatchesTheStoredSha256()
    {
        var secret = new string('x', 5000);

        SecretDigest.Of(secret).ToHash().ShouldBe(SecretHash.Sha256(secret));
    }

    [Fact]
    public void FromHash_RoundTripsAndEqualsTheDigestOfTheSecret()
    {
        var hash = SecretHash.Sha256("dev-bridge-alexa");

        SecretDigest.FromHash(hash).ShouldBe(SecretDigest.Of("dev-bridge-alexa"));
        SecretDigest.FromHash(hash).ToHash().ShouldBe(hash);
    }

    [Fact]
    public void Of_WhenSecretsDiffer_DigestsDiffer()
    {
        SecretDigest.Of("dev-bridge-alexa").ShouldNotBe(SecretDigest.Of("dev-bridge-alexA"));
    }

    [Fact]
    public void FromHash_WhenNotThirtyTwoBytes_Throws()
    {
        Should.Throw<ArgumentException>(() => SecretDigest.FromHash(new byte[31]));
    }

    [Fact]
    public void ToString_DoesNotRevealTheHash()
    {
        SecretDigest.Of("dev-admin-token").ToString().ShouldBe("SecretDigest");
    }
}
