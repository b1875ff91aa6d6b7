namespace Dashboard.Core.Data;

/// <summary>One page of a list: <see cref="Page"/> counts from 1.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static PageRequest First(int pageSize = DefaultPageSize) => new(1, pageSize);

    /// <summary>Rows before this page; long so a huge page number cannot overflow into a negative offset.</summary>
    public long Skip => (long)(Page - 1) * PageSize;

    public bool IsValid => Page >= 1 && PageSize is >= 1 and <= MaxPageSize;
}

/// <summary>A page of results and the number of rows matching in total (the <c>{"total","items"}</c> of the API).</summary>
public sealed record Paged<T>(long Total, IReadOnlyList<T> Items);
