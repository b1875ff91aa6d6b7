using System.ComponentModel;
using System.Text.Json.Serialization;

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
public sealed record Paged<T>(long Total, IReadOnlyList<T> Items)
{
    /// <summary>
    /// True when counting stopped at <see cref="Total"/> (<see cref="CappedTotal.Limit"/>): more rows than that match.
    /// False when <see cref="Total"/> is exact, and then left out of the JSON, so every exact answer keeps the wire
    /// format it always had (<c>{"total","items"}</c>).
    /// </summary>
    [Description("Present, and true, only when counting stopped at total (10,000): more than total items match; "
        + "exactCount=true, where offered, counts them all. Absent when total is exact.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TotalIsLowerBound { get; init; }
}

/// <summary>How a list counts what matches its filter.</summary>
public enum TotalCount
{
    /// <summary>Up to <see cref="CappedTotal.Limit"/>, then "more than that": the first page costs the same at any fleet size.</summary>
    Capped,

    /// <summary>Every match: linear in the number of matches (docs/decisions/0041-capped-list-totals.md).</summary>
    Exact,
}

/// <summary>The cap of <see cref="TotalCount.Capped"/>.</summary>
public static class CappedTotal
{
    public const int Limit = 10_000;

    /// <summary>Rows a capped count reads at most: one past the cap tells "more than the cap" from "exactly the cap".</summary>
    public const int ReadAtMost = Limit + 1;
}

/// <summary>A list's count as read: every match, or (when <paramref name="Capped"/>) at most <see cref="CappedTotal.ReadAtMost"/>.</summary>
public readonly record struct CountedTotal(long Counted, bool Capped)
{
    public bool IsLowerBound => Capped && Counted > CappedTotal.Limit;

    public long Total => IsLowerBound ? CappedTotal.Limit : Counted;

    /// <summary>Whether the page starts past every match, so its rows need not be read; known only from an exact count.</summary>
    public bool IsPastTheEnd(PageRequest page) => !IsLowerBound && page.Skip >= Counted;

    public Paged<T> Page<T>(IReadOnlyList<T> items) => new(Total, items) { TotalIsLowerBound = IsLowerBound };
}
