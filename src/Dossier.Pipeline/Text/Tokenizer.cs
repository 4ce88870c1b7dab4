using System.Globalization;
using System.Text;

namespace Dossier.Pipeline.Text;

/// <summary>
/// Splits text into tokens without copying it. Words keep inner apostrophes (Da'esh, We've) but split
/// off a possessive 's; hyphens and other punctuation are tokens of their own; dotted abbreviations
/// (U.S., U.N., D.C.) are one token; numbers keep inner separators (1,500 2.5) and ordinal suffixes
/// (87th); hashtags, handles and URLs are single symbol tokens.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static List<Token> Tokenize(string text, int start, int end)
    {
        // About a token per five characters; a short phrase (a name, a word-set entry) gets a list of its size, not 16 tokens.
        var tokens = new List<Token>(Math.Max(4, (end - start) / 5 + 2));
        Tokenize(text, start, end, tokens);
        return tokens;
    }

    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                i++;
                continue;
            }

            int j;
            if (IsWordChar(c))
            {
                if (IsUrlStart(text, i, end))
                {
                    j = ScanNonSpace(text, i, end);
                    tokens.Add(new Token(i, j, TokenKind.Symbol, ""));
                    i = j;
                    continue;
                }

                j = ScanDottedAbbreviation(text, i, end);
                if (j > i)
                {
                    tokens.Add(new Token(i, j, TokenKind.Word, Normalize(text, i, j)));
                    i = j;
                    continue;
                }

                j = ScanWord(text, i, end);
                tokens.Add(new Token(i, j, TokenKind.Word, Normalize(text, i, j)));
                i = j;
                continue;
            }

            if (char.IsDigit(c))
            {
                j = ScanNumber(text, i, end);
                tokens.Add(new Token(i, j, TokenKind.Number, Normalize(text, i, j)));
                i = j;
                continue;
            }

            if ((c == '#' || c == '@') && i + 1 < end && (IsWordChar(text[i + 1]) || text[i + 1] == '_' || char.IsDigit(text[i + 1])))
            {
                j = i + 1;
                while (j < end && (IsWordChar(text[j]) || char.IsDigit(text[j]) || text[j] == '_'))
                {
                    j++;
                }

                tokens.Add(new Token(i, j, TokenKind.Symbol, ""));
                i = j;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                tokens.Add(new Token(i, i + 2, TokenKind.Symbol, ""));
                i += 2;
                continue;
            }

            tokens.Add(new Token(i, i + 1, char.IsPunctuation(c) || char.IsSymbol(c) ? TokenKind.Punct : TokenKind.Symbol, NormalizePunct(c)));
            i++;
        }
    }

    public static bool IsWordChar(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsUrlStart(string text, int i, int end) =>
        (end - i > 7 && text.AsSpan(i, 7).Equals("http://", StringComparison.OrdinalIgnoreCase))
        || (end - i > 8 && text.AsSpan(i, 8).Equals("https://", StringComparison.OrdinalIgnoreCase))
        || (end - i > 4 && text.AsSpan(i, 4).Equals("www.", StringComparison.OrdinalIgnoreCase));

    private static int ScanNonSpace(string text, int i, int end)
    {
        while (i < end && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>U.S., U.N., D.C., U.A.E., e.g.: letter-dot pairs, at least two, as one token.</summary>
    private static int ScanDottedAbbreviation(string text, int i, int end)
    {
        var j = i;
        var pairs = 0;
        while (j + 1 < end && char.IsLetter(text[j]) && text[j + 1] == '.')
        {
            j += 2;
            pairs++;
        }

        return pairs >= 2 ? j : i;
    }

    private static int ScanWord(string text, int i, int end)
    {
        var j = i + 1;
        while (j < end)
        {
            var c = text[j];
            if (IsWordChar(c) || char.IsDigit(c))
            {
                j++;
                continue;
            }

            if (IsApostrophe(c) && j + 1 < end && char.IsLetter(text[j + 1]))
            {
                // A possessive 's (or s') ends the word; other inner apostrophes stay (Da'esh, We've, O'Brien).
                var k = j + 1;
                while (k < end && char.IsLetter(text[k]))
                {
                    k++;
                }

                if (k - (j + 1) == 1 && (text[j + 1] is 's' or 'S'))
                {
                    break;
                }

                j = k;
                continue;
            }

            break;
        }

        return j;
    }

    private static int ScanNumber(string text, int i, int end)
    {
        var j = i + 1;
        while (j < end)
        {
            var c = text[j];
            if (char.IsDigit(c))
            {
                j++;
            }
            else if ((c == ',' || c == '.') && j + 1 < end && char.IsDigit(text[j + 1]))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        // Ordinal suffixes stay with the number (87th, 2nd); other letters (10m, 500M) become tokens.
        if (j + 1 < end && char.IsLetter(text[j]) && char.IsLetter(text[j + 1]) && (j + 2 >= end || !char.IsLetter(text[j + 2])))
        {
            var suffix = text.AsSpan(j, 2);
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                j += 2;
            }
        }

        return j;
    }

    private static string NormalizePunct(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' => "'",
        '\u201C' or '\u201D' => "\"",
        '\u2013' or '\u2014' => "-",
        _ => c < AsciiStrings.Length ? AsciiStrings[c] : c.ToString(),
    };

    /// <summary>Every ASCII character as a string, so a punctuation token allocates none.</summary>
    private static readonly string[] AsciiStrings = Enumerable.Range(0, 128).Select(k => ((char)k).ToString()).ToArray();

    /// <summary>
    /// Recently made normalized forms, per thread: a word that recurs (the, coalition, minister) reuses its string
    /// instead of allocating one per token. A slot holds the last form hashed to it; a miss just makes a new string.
    /// </summary>
    [ThreadStatic]
    private static string[]? _pool;

    private const int PoolSize = 4096;
    private const int PooledLength = 24;

    private static string Pooled(ReadOnlySpan<char> form)
    {
        if (form.Length > PooledLength)
        {
            return new string(form);
        }

        var pool = _pool ??= new string[PoolSize];
        // A cheap multiplicative hash: the forms are short and a collision only costs a string.
        var hash = (uint)form.Length;
        foreach (var ch in form)
        {
            hash = (hash * 31) + ch;
        }

        var slot = (int)((hash ^ (hash >> 12)) & (PoolSize - 1));
        if (pool[slot] is { } known && form.SequenceEqual(known))
        {
            return known;
        }

        var made = new string(form);
        pool[slot] = made;
        return made;
    }

    /// <summary>Lower case, diacritics removed, typographic apostrophes made straight.</summary>
    public static string Normalize(string text, int start, int end)
    {
        var ascii = true;
        var lower = true;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c > 127)
            {
                ascii = false;
                break;
            }

            if (c is >= 'A' and <= 'Z')
            {
                lower = false;
            }
        }

        if (ascii)
        {
            var length = end - start;
            if (lower)
            {
                return Pooled(text.AsSpan(start, length));
            }

            if (length <= PooledLength)
            {
                Span<char> lowered = stackalloc char[length];
                var src = text.AsSpan(start, length);
                for (var k = 0; k < length; k++)
                {
                    var ch = src[k];
                    lowered[k] = ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch;
                }

                return Pooled(lowered);
            }

            return string.Create(length, (text, start), static (dst, st) =>
            {
                var src = st.text.AsSpan(st.start, dst.Length);
                for (var k = 0; k < dst.Length; k++)
                {
                    var ch = src[k];
                    dst[k] = ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch;
                }
            });
        }

        var decomposed = text.AsSpan(start, end - start).ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(IsApostrophe(ch) || ch == '\u2018' ? '\'' : char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    /// <summary>The normalized key of a whole phrase: its tokens' keys joined by single spaces.</summary>
    public static string NormalizePhrase(string phrase) => string.Join(' ', Tokenize(phrase).Select(t => t.Norm));
}
