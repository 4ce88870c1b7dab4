namespace Dossier.Domain.NearDuplicates;

/// <summary>
/// Locality-sensitive hashing of MinHash signatures by banding: the signature is cut into <see cref="Bands"/> bands of
/// <see cref="Rows"/> values, each band hashed to one key (with its band number, so equal rows of different bands differ).
/// Two texts of Jaccard similarity s share at least one key with probability 1 − (1 − sʳ)ᵇ, so candidates are found by
/// looking keys up in an index, never by comparing with every stored text.
/// </summary>
public sealed class LshBands
{
    public LshBands(int bands = 32, int rows = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Bands = bands;
        Rows = rows;
    }

    public int Bands { get; }

    public int Rows { get; }

    /// <summary>The length of the signatures this banding reads.</summary>
    public int SignatureLength => Bands * Rows;

    /// <summary>The probability that two texts of Jaccard similarity <paramref name="similarity"/> become candidates.</summary>
    public double CandidateProbability(double similarity) => 1 - Math.Pow(1 - Math.Pow(similarity, Rows), Bands);

    /// <summary>The band keys of a signature, written into <paramref name="keys"/> (<see cref="Bands"/> values).</summary>
    public void Keys(ReadOnlySpan<uint> signature, Span<long> keys)
    {
        if (signature.Length != SignatureLength)
        {
            throw new ArgumentException($"the signature needs {SignatureLength} values", nameof(signature));
        }

        if (keys.Length != Bands)
        {
            throw new ArgumentException($"there are {Bands} keys", nameof(keys));
        }

        for (var band = 0; band < Bands; band++)
        {
            var h = MinHasher.Mix((ulong)band + 0x6C5B_A4D1UL);
            for (var row = 0; row < Rows; row++)
            {
                h = MinHasher.Mix(h ^ signature[band * Rows + row]);
            }

            keys[band] = unchecked((long)h);
        }
    }

    /// <summary>The band keys in a new array.</summary>
    public long[] Keys(ReadOnlySpan<uint> signature)
    {
        var keys = new long[Bands];
        Keys(signature, keys);
        return keys;
    }
}
