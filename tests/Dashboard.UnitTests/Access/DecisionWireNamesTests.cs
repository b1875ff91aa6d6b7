using Dashboard.Core.Access;

namespace Dashboard.UnitTests.Access;

public sealed class DecisionWireNamesTests
{
    // Word for word from contract.md, in its order.
    private static readonly string[] ContractCodes =
    [
        "unknown_account", "unknown_device", "not_owner", "kill_switch", "account_locked", "not_linked", "not_exposed",
        "action_not_granted", "allowed",
    ];

    [Fact]
    public void ToWireName_ForReasonsInDeclarationOrder_GivesTheContractCodesInContractOrder() =>
        Enum.GetValues<DecisionReason>().Select(r => r.ToWireName()).ShouldBe(ContractCodes);

    [Fact]
    public void ToWireName_ForDecisions_GivesAllowAndDeny()
    {
        Decision.Allow.ToWireName().ShouldBe("allow");
        Decision.Deny.ToWireName().ShouldBe("deny");
    }

    [Fact]
    public void TryParseReason_ForEveryCode_RoundTrips()
    {
        foreach (var reason in Enum.GetValues<DecisionReason>())
        {
            DecisionWireNames.TryParseReason(reason.ToWireName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(reason);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Allowed")]
    [InlineData(" allowed")]
    [InlineData("KillSwitch")]
    public void TryParseReason_ForAnythingButAnExactCode_Fails(string? name) =>
        DecisionWireNames.TryParseReason(name, out _).ShouldBeFalse();
}
