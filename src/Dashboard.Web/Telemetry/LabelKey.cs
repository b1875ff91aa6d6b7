namespace Dashboard.Web.Telemetry;

/// <summary>
/// The tags of one measurement as a dictionary key. Up to four tags are held inline, so finding the series of a
/// measurement allocates nothing on the hot path; more than four are copied once into an array.
/// </summary>
internal readonly struct LabelKey : IEquatable<LabelKey>
{
    private readonly KeyValuePair<string, object?> t0, t1, t2, t3;
    private readonly KeyValuePair<string, object?>[]? many;

    public LabelKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Count = tags.Length;
        if (Count > 4)
        {
            many = tags.ToArray();
            return;
        }
        if (Count > 0) t0 = tags[0];
        if (Count > 1) t1 = tags[1];
        if (Count > 2) t2 = tags[2];
        if (Count > 3) t3 = tags[3];
    }

    public int Count { get; }

    public KeyValuePair<string, object?> this[int index] => many is not null ? many[index] : index switch
    {
        0 => t0,
        1 => t1,
        2 => t2,
        3 => t3,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Labels sorted by name with values as text: equal label sets given in another order read the same.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToLabels()
    {
        var labels = new KeyValuePair<string, string>[Count];
        for (var i = 0; i < Count; i++)
        {
            var tag = this[i];
            labels[i] = new(tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    public bool Equals(LabelKey other)
    {
        if (Count != other.Count)
        {
            return false;
        }
        for (var i = 0; i < Count; i++)
        {
            var (a, b) = (this[i], other[i]);
            if (!string.Equals(a.Key, b.Key, StringComparison.Ordinal) || !Equals(a.Value, b.Value))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is LabelKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < Count; i++)
        {
            var tag = this[i];
            hash.Add(tag.Key);
            hash.Add(tag.Value);
        }
        return hash.ToHashCode();
    }
}
