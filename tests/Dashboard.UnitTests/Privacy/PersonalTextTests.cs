using Dashboard.Core.Privacy;

namespace Dashboard.UnitTests.Privacy;

public sealed class PersonalTextTests
{
    private static readonly IReadOnlyList<string> Alice = PersonalText.Usable(["alice+cams@demo.test", "Alice", "Al", " alice ", null]);

    [Fact]
    public void Usable_DropsShortBlankAndRepeatedIdentifiers_LongestFirst()
    {
        Alice.ShouldBe(["alice+cams@demo.test", "Alice"]);
    }

    [Theory]
    [InlineData("Sold by ALICE+CAMS@demo.test to Bob", "Sold by [x] to Bob")]
    [InlineData("Alice called; alice's camera", "[x] called; [x]'s camera")]
    [InlineData("Alicent and Malice are other people", "Alicent and Malice are other people")]
    [InlineData("bob@demo.test and malice+cams@demo.test are other people's", "bob@demo.test and malice+cams@demo.test are other people's")]
    public void Replace_MatchesWholeIdentifiersInAnyCase(string text, string expected)
    {
        PersonalText.Replace(text, Alice, "[x]").ShouldBe(expected);
    }

    [Fact]
    public void PostgresPattern_EscapesEveryNonAlphanumericCharacterAndAnchorsOnWords()
    {
        PersonalText.PostgresPattern(Alice).ShouldBe(@"(\malice\+cams\@demo\.test\M)|(\mAlice\M)");
    }

    [Fact]
    public void PostgresPattern_OfNothing_MatchesNothing()
    {
        PersonalText.PostgresPattern([]).ShouldBe("(?!)");
    }
}
