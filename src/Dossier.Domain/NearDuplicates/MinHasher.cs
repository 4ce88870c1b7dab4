namespace Dossier.Domain.NearDuplicates;

/// <summary>
/// MinHash signatures of a text's word shingles (Broder 1997): each of <see cref="HashCount"/> hash functions keeps the
/// least value it gives any shingle, so two signatures agree at a position with the probability that is the Jaccard
/// similarity of the two shingle sets. A shingle is <see cref="ShingleWords"/> consecutive <see cref="FoldedWords"/>; it is
/// hashed once, mixed (SplitMix64), and the functions are <c>(a·h + b) mod 2⁶⁴</c>, high 32 bits, with odd multipliers
/// drawn from one seed. No allocation per word or shingle: one pass over the text, a ring of word hashes on the stack.
/// </summary>
public sealed class MinHasher
{
    private readonly ulong[] _a;
    private readonly ulong[] _b;

    public MinHasher(int hashCount = 128, int shingleWords = 5, ulong seed = 0x5eed_d055_1e12UL)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleWords, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shingleWords, 32);
        HashCount = hashCount;
        ShingleWords = shingleWords;
        _a = new ulong[hashCount];
        _b = new ulong[hashCount];
        var state = seed;
        for (var i = 0; i < hashCount; i++)
        {
            _a[i] = SplitMix64(ref state) | 1UL;
            _b[i] = SplitMix64(ref state);
        }
    }

    public int HashCount { get; }

    public int ShingleWords { get; }

    /// <summary>The signature of a text (see <see cref="Sign(string, Span{uint})"/>) in a new array, and its shingle count.</summary>
    public (uint[] Signature, int Shingles) Sign(string text)
    {
        var signature = new uint[HashCount];
        var shingles = Sign(text, signature);
        return (signature, shingles);
    }

    /// <summary>
    /// Writes the text's signature into <paramref name="signature"/> (<see cref="HashCount"/> values) and returns how many
    /// shingles it read (a text of fewer words than a shingle has none; its signature is then all <see cref="uint.MaxValue"/>).
    /// </summary>
    public int Sign(string text, Span<uint> signature)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (signature.Length != HashCount)
        {
            throw new ArgumentException($"the signature needs {HashCount} values", nameof(signature));
        }

        signature.Fill(uint.MaxValue);
        var folded = TextKeys.Decompose(text).AsSpan();
        Span<ulong> ring = stackalloc ulong[ShingleWords];
        var words = 0;
        var shingles = 0;
        var position = 0;
        var a = _a.AsSpan();
        var b = _b.AsSpan();
        while (FoldedWords.Next(folded, ref position, out var word))
        {
            ring[words % ShingleWords] = word;
            words++;
            if (words < ShingleWords)
            {
                continue;
            }

            // The shingle's words in order, oldest first, combined and mixed once.
            var h = 0UL;
            for (var j = 0; j < ShingleWords; j++)
            {
                h = (h * 0x9E3779B97F4A7C15UL) ^ ring[(words + j) % ShingleWords];
            }

            h = Mix(h);
            shingles++;
            for (var i = 0; i < signature.Length; i++)
            {
                var v = (uint)((a[i] * h + b[i]) >> 32);
                if (v < signature[i])
                {
                    signature[i] = v;
                }
            }
        }

        return shingles;
    }

    /// <summary>The share of positions where two signatures agree: the estimate of their texts' Jaccard similarity.</summary>
    public static double Similarity(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        if (x.Length != y.Length || x.Length == 0)
        {
            throw new ArgumentException("signatures of the same length are compared");
        }

        var same = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == y[i])
            {
                same++;
            }
        }

        return (double)same / x.Length;
    }

    /// <summary>A signature as bytes (little-endian), as the stores keep it.</summary>
    public static byte[] ToBytes(ReadOnlySpan<uint> signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (var i = 0; i < signature.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        }

        return bytes;
    }

    /// <summary>The signature of <see cref="ToBytes"/>.</summary>
    public static uint[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var signature = new uint[bytes.Length / 4];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return signature;
    }

    /// <summary>The SplitMix64 finalizer: every input bit reaches every output bit.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }
}
