using System.Globalization;
using System.Text;
using Dossier.Domain;

namespace Dossier.Store;

/// <summary>
/// Reads the text an engine's highlighter returns (SQLite FTS5 <c>highlight()</c>, PostgreSQL <c>ts_headline</c> with
/// <c>HighlightAll</c>): the matches between <see cref="Open"/> and <see cref="Close"/>, two control characters
/// (STX, ETX) that the full-text index never holds (<see cref="Clean"/>). Out come the plain text and one half-open
/// range of UTF-16 code units per matched word, whatever the engine marked at once (FTS5 marks a phrase "Global
/// Coalition" in one piece, PostgreSQL word by word), so both engines give the same ranges for the same text.
/// </summary>
public static class HighlightMarks
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';

    /// <summary>The text as the full-text index keeps it: <see cref="Open"/> and <see cref="Close"/> become spaces (same length).</summary>
    public static string Clean(string text) =>
        text.AsSpan().IndexOfAny(Open, Close) < 0 ? text : text.Replace(Open, ' ').Replace(Close, ' ');

    /// <summary>
    /// The plain text and the matched words' ranges in it, in order. A mark left open runs to the end of the text; a
    /// <see cref="Close"/> without an open mark is dropped. Punctuation inside a marked part is not highlighted.
    /// </summary>
    public static (string Text, IReadOnlyList<TextSpan> Words) Parse(string marked)
    {
        if (marked.AsSpan().IndexOfAny(Open, Close) < 0)
        {
            return (marked, []);
        }

        var plain = new StringBuilder(marked.Length);
        var parts = new List<TextSpan>();
        var start = -1;
        var rest = marked.AsSpan();
        while (rest.Length > 0)
        {
            var at = rest.IndexOfAny(Open, Close);
            if (at < 0)
            {
                plain.Append(rest);
                break;
            }

            plain.Append(rest[..at]);
            if (rest[at] == Open)
            {
                start = start < 0 ? plain.Length : start;
            }
            else if (start >= 0)
            {
                parts.Add(new TextSpan(start, plain.Length));
                start = -1;
            }

            rest = rest[(at + 1)..];
        }

        if (start >= 0)
        {
            parts.Add(new TextSpan(start, plain.Length));
        }

        var text = plain.ToString();
        var words = new List<TextSpan>(parts.Count);
        foreach (var part in parts)
        {
            words.AddRange(Words(text, part.Start, part.End));
        }

        return (text, words);
    }

    /// <summary>The words (runs of letters, marks and digits) of <c>text[start..end)</c>, surrogate pairs kept whole.</summary>
    public static List<TextSpan> Words(string text, int start, int end)
    {
        var words = new List<TextSpan>();
        var wordStart = -1;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var length = 1;
            bool word;
            if (c < 0x80)
            {
                word = char.IsAsciiLetterOrDigit(c);
            }
            else
            {
                length = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                word = IsWordCharacter(text, i);
            }

            if (word)
            {
                wordStart = wordStart < 0 ? i : wordStart;
            }
            else if (wordStart >= 0)
            {
                words.Add(new TextSpan(wordStart, i));
                wordStart = -1;
            }

            i += length;
        }

        if (wordStart >= 0)
        {
            words.Add(new TextSpan(wordStart, end));
        }

        return words;
    }

    private static bool IsWordCharacter(string text, int i) =>
        CharUnicodeInfo.GetUnicodeCategory(text, i) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
}
