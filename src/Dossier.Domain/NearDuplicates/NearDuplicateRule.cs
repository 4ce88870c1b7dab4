namespace Dossier.Domain.NearDuplicates;

/// <summary>
/// When an article is a near-duplicate of another (a reprint of the same story: another headline, a byline, site
/// boilerplate, a paragraph trimmed, a few words changed): their MinHash signatures estimate a Jaccard similarity of
/// their word shingles of at least <see cref="Threshold"/>. Texts with fewer than <see cref="MinShingles"/> shingles are
/// never judged (a signature of a few shingles estimates badly, and short items share their wording by chance; the same
/// text is recognised exactly at ingest anyway). The defaults are tuned on bench/Dossier.NearDupBench
/// (bench/BENCHMARKS-neardup.md).
/// </summary>
public sealed class NearDuplicateRule(MinHasher hasher, LshBands bands, double threshold, int minShingles)
{
    /// <summary>The rule the stores use: 5-word shingles, 144 hashes, 48 bands of 3 rows, an estimated Jaccard of 0.3.</summary>
    public static NearDuplicateRule Default { get; } = new(new MinHasher(144, 5), new LshBands(48, 3), threshold: 0.3, minShingles: 20);

    public MinHasher Hasher { get; } = hasher.HashCount == bands.SignatureLength
        ? hasher
        : throw new ArgumentException("the banding must cover the whole signature", nameof(bands));

    public LshBands Bands { get; } = bands;

    public double Threshold { get; } = threshold;

    public int MinShingles { get; } = minShingles;

    /// <summary>The signature and band keys of a text, or null when it is too short to be judged.</summary>
    public NearDuplicateSignature? Sign(string text)
    {
        var (signature, shingles) = Hasher.Sign(text);
        return shingles < MinShingles ? null : new NearDuplicateSignature(signature, Bands.Keys(signature));
    }

    /// <summary>Whether two signatures are of near-duplicate texts, and their estimated similarity.</summary>
    public (bool Duplicate, double Similarity) Compare(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        var similarity = MinHasher.Similarity(x, y);
        return (similarity >= Threshold, similarity);
    }
}

/// <summary>A text's MinHash signature and its LSH band keys.</summary>
public sealed record NearDuplicateSignature(uint[] Values, long[] BandKeys);
