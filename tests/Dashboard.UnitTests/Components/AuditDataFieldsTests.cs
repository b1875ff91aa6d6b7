using Dashboard.Web.Components.Pages.Audit;
using Dashboard.Web.Components.Shared;

namespace Dashboard.UnitTests.Components;

public sealed class AuditDataFieldsTests
{
    [Fact]
    public void Read_NestedData_BecomesLabelledPathsWithListsJoined()
    {
        const string json = """{"scope":{"models":["A","B"],"actions":[]},"revision":42,"roleCreated":true,"to":null}""";

        var fields = AuditDataFields.Read(json);

        fields.Select(f => $"{string.Join('/', f.Path)}={f.Value}:{f.Kind}").ShouldBe([
            "scope/models=A, B:Text", "scope/actions=:None", "revision=42:Number", "roleCreated=:True", "to=:None"]);
    }

    [Fact]
    public void Read_ListOfObjects_NumbersEachOne()
    {
        var fields = AuditDataFields.Read("""{"erased":[{"name":"links"},{"name":"devices"}]}""");

        fields.Select(f => string.Join('/', f.Path) + "=" + f.Value).ShouldBe(["erased/1/name=links", "erased/2/name=devices"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Read_NoData_IsNoField(string? json) => AuditDataFields.Read(json).ShouldBeEmpty();

    [Fact]
    public void Read_TextThatIsNotJson_IsOneTextField() =>
        AuditDataFields.Read("not json").Select(f => (f.Path.Count, f.Value, f.Kind)).ShouldBe([(0, "not json", AuditValueKind.Text)]);
}

public sealed class CountWordsTests
{
    [Theory]
    [InlineData("en", 0, false)]
    [InlineData("en", 1, true)]
    [InlineData("en", 2, false)]
    [InlineData("fr", 0, true)]
    [InlineData("fr", 1, true)]
    [InlineData("fr", 2, false)]
    [InlineData("id", 1, true)]
    [InlineData("id", 5, false)]
    public void IsOne_FollowsEachLanguage(string culture, long count, bool one) =>
        CountWords.IsOne(count, System.Globalization.CultureInfo.GetCultureInfo(culture)).ShouldBe(one);
}
