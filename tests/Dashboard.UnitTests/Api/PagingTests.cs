using Dashboard.Core.Data;
using Dashboard.Web.Api;

namespace Dashboard.UnitTests.Api;

public sealed class PagingTests
{
    [Fact]
    public void Read_WithoutValues_GivesTheFirstPageOfFifty()
    {
        var errors = new ValidationErrors();

        Paging.Read(null, null, errors).ShouldBe(new PageRequest(1, 50));
        errors.HasErrors.ShouldBeFalse();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 500)]
    [InlineData(int.MaxValue, 500)]
    public void Read_WithinTheBounds_KeepsTheValues(int page, int pageSize)
    {
        var errors = new ValidationErrors();

        Paging.Read(page, pageSize, errors).ShouldBe(new PageRequest(page, pageSize));
        errors.HasErrors.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 50, "page")]
    [InlineData(-3, 50, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 501, "pageSize")]
    public void Read_OutsideTheBounds_NamesTheField(int page, int pageSize, string field)
    {
        var errors = new ValidationErrors();

        Paging.Read(page, pageSize, errors);

        errors.ToDictionary().Keys.ShouldBe([field]);
    }

    [Fact]
    public void PageRequest_SkipDoesNotOverflowOnTheLastPossiblePage()
    {
        new PageRequest(int.MaxValue, PageRequest.MaxPageSize).Skip.ShouldBe((long)(int.MaxValue - 1) * PageRequest.MaxPageSize);
    }
}
