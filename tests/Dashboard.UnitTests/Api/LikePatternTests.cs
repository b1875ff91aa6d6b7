using Dashboard.Core.Data;

namespace Dashboard.UnitTests.Api;

public sealed class LikePatternTests
{
    [Theory]
    [InlineData("DEMO", "DEMO%")]
    [InlineData("", "%")]
    [InlineData("50%", @"50\%%")]
    [InlineData("a_b", @"a\_b%")]
    [InlineData(@"back\slash", @"back\\slash%")]
    [InlineData(@"\%_", @"\\\%\_%")]
    public void StartsWith_EscapesWildcardsAndTheEscapeCharacter(string prefix, string expected)
    {
        LikePattern.StartsWith(prefix).ShouldBe(expected);
    }
}
