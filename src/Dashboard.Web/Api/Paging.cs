using Dashboard.Core.Data;

namespace Dashboard.Web.Api;

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters of every paged list.</summary>
public static class Paging
{
    /// <summary><c>page</c> from 1, <c>pageSize</c> 1..500 (default 50); anything else is recorded in <paramref name="errors"/>.</summary>
    public static PageRequest Read(int? page, int? pageSize, ValidationErrors errors) => new(
        errors.InRange("page", page, 1, int.MaxValue, 1),
        errors.InRange("pageSize", pageSize, 1, PageRequest.MaxPageSize, PageRequest.DefaultPageSize));
}
