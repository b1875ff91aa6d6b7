using Dashboard.Core.Accounts;

namespace Dashboard.UnitTests.Api;

public sealed class AccountSearchTermTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_WhenQueryIsBlank_ReturnsNullToListEverything(string? query)
    {
        AccountSearchTerm.Parse(query).ShouldBeNull();
    }

    [Fact]
    public void Parse_TrimsAndLowerCasesTheEmailPrefix()
    {
        var term = AccountSearchTerm.Parse("  Alice@Demo ")!;

        term.EmailPrefix.ShouldBe("alice@demo");
        term.Id.ShouldBeNull();
    }

    [Fact]
    public void Parse_WhenQueryIsAUuid_GivesTheId()
    {
        var id = Guid.NewGuid();

        AccountSearchTerm.Parse($" {id.ToString().ToUpperInvariant()} ")!.Id.ShouldBe(id);
    }
}
