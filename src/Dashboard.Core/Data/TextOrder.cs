namespace Dashboard.Core.Data;

/// <summary>
/// Ordering of canonical text columns (serial, MAC, email): byte order, the same in every database whatever its
/// locale, and the order of their <c>text_pattern_ops</c> indexes.
/// </summary>
internal static class TextOrder
{
    /// <summary>The collation whose order equals the <c>~&lt;~</c> (pattern) order of the indexes.</summary>
    public const string Collation = "C";
}
