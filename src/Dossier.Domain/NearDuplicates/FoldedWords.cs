namespace Dossier.Domain.NearDuplicates;

/// <summary>
/// The words of a text as near-duplicate detection reads them, one 64-bit hash per word, without allocating per word:
/// runs of letters and digits, lower-cased, diacritics and apostrophes dropped (the folding of <see cref="TextKeys.Fold"/>),
/// everything else a separator.
/// </summary>
public static class FoldedWords
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>
    /// The hash of the next word at or after <paramref name="position"/> (FNV-1a over its folded characters), moving
    /// <paramref name="position"/> past it; false at the end of the text. Feed it a <see cref="TextKeys.Decompose"/>d text.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, ref int position, out ulong hash)
    {
        hash = FnvOffset;
        var i = position;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            position = i;
            return false;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
            }
            else if (!TextKeys.IsSilent(c))
            {
                break;
            }
        }

        position = i;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
