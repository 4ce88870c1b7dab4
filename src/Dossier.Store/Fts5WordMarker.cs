using System.Globalization;
using System.Text;
using Dossier.Domain;

namespace Dossier.Store;

/// <summary>
/// Marks a search's words in a text as FTS5's <c>highlight()</c> does for the store's any-word query
/// (<see cref="FullTextQuery.ToFts5AnyWord"/>) with the index's tokenizer, <c>unicode61 remove_diacritics 2</c>: a token
/// is a run of letters, numbers and private-use characters (Unicode L*, N*, Co), compared case- and accent-folded, and a
/// word ending in <c>*</c> marks every token it begins.
/// </summary>
/// <remarks>
/// Written here rather than asking FTS5: <c>highlight()</c> can only mark the rows of a MATCH, and matching the page's
/// twenty rows against the any-word query (an OR of every word) makes FTS5 merge each word's list over the whole index
/// part: most of a search's time for a common word. The folding is .NET's (lower case, then accents stripped through
/// canonical decomposition), which agrees with SQLite's for letters that decompose; letters SQLite folds without a
/// decomposition (ø, ł, đ) are marked only where written as in the query. A test checks the two agree on text of many
/// scripts and marks.
/// </remarks>
public sealed class Fts5WordMarker
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    public Fts5WordMarker(string query)
    {
        foreach (var (word, prefix) in FullTextQuery.AnyWords(query))
        {
            var folded = Fold(word);
            if (prefix)
            {
                _prefixes.Add(folded);
            }
            else
            {
                _words.Add(folded);
            }
        }
    }

    /// <summary>The marked tokens' half-open ranges of UTF-16 code units in <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<TextSpan> Mark(string text)
    {
        var marks = new List<TextSpan>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text, i, out var width))
            {
                i += width;
                continue;
            }

            var start = i;
            while (i < text.Length && IsTokenChar(text, i, out width))
            {
                i += width;
            }

            var token = Fold(text[start..i]);
            if (_words.Contains(token) || _prefixes.Exists(p => token.StartsWith(p, StringComparison.Ordinal)))
            {
                marks.Add(new TextSpan(start, i));
            }
        }

        return marks;
    }

    private static bool IsTokenChar(string text, int i, out int width)
    {
        if (!Rune.TryGetRuneAt(text, i, out var rune))
        {
            width = 1;
            return false;
        }

        width = rune.Utf16SequenceLength;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.PrivateUse => true,
            _ => false,
        };
    }

    private static string Fold(string token)
    {
        var lower = token.ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }

        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
