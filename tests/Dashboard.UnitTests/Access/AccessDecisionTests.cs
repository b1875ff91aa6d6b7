using Dashboard.Core.Access;

namespace Dashboard.UnitTests.Access;

public sealed class AccessDecisionTests
{
    public static TheoryData<DecisionReason> DenyReasons => [.. Enum.GetValues<DecisionReason>().Where(r => r != DecisionReason.Allowed)];

    [Fact]
    public void Allow_IsAnAllowWithReasonAllowed()
    {
        var decision = AccessDecision.Allow(5);

        decision.Decision.ShouldBe(Decision.Allow);
        decision.Reason.ShouldBe(DecisionReason.Allowed);
        decision.Revision.ShouldBe(5);
        decision.IsAllowed.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(DenyReasons))]
    public void Deny_WithADenyReason_IsADeny(DecisionReason reason)
    {
        var decision = AccessDecision.Deny(reason, 5);

        decision.Decision.ShouldBe(Decision.Deny);
        decision.Reason.ShouldBe(reason);
        decision.IsAllowed.ShouldBeFalse();
    }

    [Fact]
    public void Deny_WithReasonAllowed_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => AccessDecision.Deny(DecisionReason.Allowed, 5));

    [Fact]
    public void DefaultValues_AreDenials()
    {
        default(Decision).ShouldBe(Decision.Deny);
        default(DecisionReason).ShouldNotBe(DecisionReason.Allowed);
    }

    [Fact]
    public void Equality_ComparesReasonAndRevision()
    {
        AccessDecision.Deny(DecisionReason.NotOwner, 3).ShouldBe(AccessDecision.Deny(DecisionReason.NotOwner, 3));
        AccessDecision.Deny(DecisionReason.NotOwner, 3).ShouldNotBe(AccessDecision.Deny(DecisionReason.NotOwner, 4));
        AccessDecision.Deny(DecisionReason.NotOwner, 3).ShouldNotBe(AccessDecision.Deny(DecisionReason.NotLinked, 3));
    }
}
