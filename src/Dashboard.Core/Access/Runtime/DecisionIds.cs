namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Ids for decisions: 26 characters of Crockford base32, a millisecond timestamp then 80 random bits (the ULID layout),
/// so they sort by time and never collide in practice.
/// </summary>
public static class DecisionIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(TimeProvider time) => New(time.GetUtcNow().ToUnixTimeMilliseconds());

    internal static string New(long unixMilliseconds)
    {
        Span<byte> random = stackalloc byte[10];
        Random.Shared.NextBytes(random);
        return string.Create(26, (unixMilliseconds, Random: new RandomBits(random)), static (chars, state) =>
        {
            var ms = state.unixMilliseconds;
            for (var i = 9; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(ms & 31)];
                ms >>= 5;
            }
            var (high, low) = (state.Random.High, state.Random.Low);
            for (var i = 25; i >= 10; i--)
            {
                chars[i] = Alphabet[(int)(low & 31)];
                low = (low >> 5) | ((high & 31) << 59);
                high >>= 5;
            }
        });
    }

    private readonly record struct RandomBits(ulong High, ulong Low)
    {
        public RandomBits(ReadOnlySpan<byte> bytes)
            : this(BitConverter.ToUInt16(bytes[..2]), BitConverter.ToUInt64(bytes[2..]))
        {
        }
    }
}
