using System.Globalization;
using System.Text;

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
    /// The text decomposed (NFD) when it has non-ASCII characters, so that a letter and its diacritics come apart; the
    /// text itself otherwise (most English news) or when it cannot be normalized (U+FFFE, a lone surrogate).
    /// </summary>
    public static string Decompose(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007f')
            {
                try
                {
                    return text.Normalize(NormalizationForm.FormD);
                }
                catch (ArgumentException)
                {
                    return text;
                }
            }
        }

        return text;
    }

    /// <summary>
    /// The hash of the next word at or after <paramref name="position"/> (FNV-1a over its folded characters), moving
    /// <paramref name="position"/> past it; false at the end of the text. Feed it a <see cref="Decompose"/>d text.
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
            else if (!IsSilent(c))
            {
                break;
            }
        }

        position = i;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Characters inside a word that fold away: combining marks and apostrophes ("don't" = "dont").</summary>
    private static bool IsSilent(char c) =>
        c is '\'' or '\u2019' || (c > '\u007f' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
