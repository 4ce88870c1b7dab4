using System.Text;
using Dossier.Domain;

namespace Dossier.Evaluation;

/// <summary>
/// Finds sentences in a document's original text, for error analysis: the sentence that holds a span, and the first
/// place a name, an evidence string or a quote occurs. Sentences end at line breaks and after <c>.</c>, <c>!</c>,
/// <c>?</c> or <c>…</c> (closing quotes and brackets kept) followed by white space and a capital, a digit or an
/// opening quote or bracket; never after an abbreviation of <c>Data/abbreviations.txt</c> or an initial (U.S.).
/// Names are matched on score.py's normalized words (case, accents and punctuation ignored, whole words only).
/// </summary>
public sealed class SentenceLocator
{
    private const int HeadWords = 6;

    private static readonly HashSet<string> Abbreviations = LoadAbbreviations();

    private readonly string _text;
    private readonly List<TextSpan> _sentences = [];
    private string? _normalized;
    private List<int>? _normStart;
    private List<int>? _normEnd;

    public SentenceLocator(string text)
    {
        _text = text;
        Split();
    }

    public string Text => _text;

    /// <summary>The sentences, in order, trimmed of white space.</summary>
    public IReadOnlyList<TextSpan> Sentences => _sentences;

    /// <summary>From the start of the sentence holding the span's first character to the end of the sentence holding
    /// its last; null when the span does not lie in the text.</summary>
    public TextSpan? SentenceOf(TextSpan span)
    {
        if (!span.IsValidFor(_text))
        {
            return null;
        }

        var first = IndexAt(span.Start);
        var last = IndexAt(span.End - 1);
        if (first < 0 || last < 0)
        {
            return span;
        }

        return new TextSpan(Math.Min(_sentences[first].Start, span.Start), Math.Max(_sentences[last].End, span.End));
    }

    /// <summary>
    /// Where <paramref name="needle"/> first occurs: as whole normalized words, else as an exact substring, else (for a
    /// long needle such as a quote) its first six words; null when none is found.
    /// </summary>
    public TextSpan? Find(string needle)
    {
        var norm = Py.Norm(needle);
        if (norm.Length == 0)
        {
            return null;
        }

        if (FindNormalized(norm) is { } words)
        {
            return words;
        }

        var exact = _text.IndexOf(needle, StringComparison.Ordinal);
        if (exact >= 0)
        {
            return new TextSpan(exact, exact + needle.Length);
        }

        var tokens = norm.Split(' ');
        return tokens.Length > HeadWords ? FindNormalized(string.Join(' ', tokens[..HeadWords])) : null;
    }

    /// <summary>The index of the sentence holding <paramref name="offset"/>, or of the next one after white space; -1 past the last.</summary>
    private int IndexAt(int offset)
    {
        int lo = 0, hi = _sentences.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_sentences[mid].End > offset)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return found;
    }

    private TextSpan? FindNormalized(string norm)
    {
        EnsureNormalized();
        var from = 0;
        while (from <= _normalized!.Length - norm.Length)
        {
            var at = _normalized.IndexOf(norm, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var end = at + norm.Length;
            if ((at == 0 || _normalized[at - 1] == ' ') && (end == _normalized.Length || _normalized[end] == ' '))
            {
                return new TextSpan(_normStart![at], _normEnd![end - 1]);
            }

            from = at + 1;
        }

        return null;
    }

    /// <summary>
    /// score.py's <c>norm()</c> of the whole text, with each normalized character's source range: every code point
    /// decomposed (NFKD) on its own, combining marks dropped, the rest lower-cased, a-z and 0-9 kept, anything else a
    /// separator. (Canonical reordering only moves combining marks, so this gives the same words as norm() at once.)
    /// </summary>
    private void EnsureNormalized()
    {
        if (_normalized is not null)
        {
            return;
        }

        var sb = new StringBuilder(_text.Length);
        var starts = new List<int>(_text.Length);
        var ends = new List<int>(_text.Length);
        var space = false;
        for (var i = 0; i < _text.Length;)
        {
            var width = char.IsHighSurrogate(_text[i]) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
            var decomposed = width == 1 && char.IsSurrogate(_text[i]) ? "\uFFFD" : _text.Substring(i, width).Normalize(NormalizationForm.FormKD);
            for (var k = 0; k < decomposed.Length; k++)
            {
                int cp = decomposed[k];
                if (char.IsHighSurrogate(decomposed[k]) && k + 1 < decomposed.Length && char.IsLowSurrogate(decomposed[k + 1]))
                {
                    cp = char.ConvertToUtf32(decomposed[k], decomposed[k + 1]);
                    k++;
                }

                if (CombiningMarks.IsCombining(cp))
                {
                    continue;
                }

                var c = cp <= char.MaxValue ? char.ToLowerInvariant((char)cp) : '\0';
                if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9'))
                {
                    space = true;
                    continue;
                }

                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                    starts.Add(i);
                    ends.Add(i);
                }

                space = false;
                sb.Append(c);
                starts.Add(i);
                ends.Add(i + width);
            }

            i += width;
        }

        _normalized = sb.ToString();
        _normStart = starts;
        _normEnd = ends;
    }

    private void Split()
    {
        var lineStart = 0;
        while (lineStart <= _text.Length)
        {
            var nl = _text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? _text.Length : nl;
            SplitLine(lineStart, lineEnd);
            if (nl < 0)
            {
                break;
            }

            lineStart = nl + 1;
        }
    }

    private void SplitLine(int start, int end)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = _text[i];
            if (c is not ('.' or '!' or '?' or '\u2026') || (c == '.' && !EndsSentence(i)))
            {
                continue;
            }

            var close = i + 1;
            while (close < end && _text[close] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
            {
                close++;
            }

            var next = close;
            while (next < end && char.IsWhiteSpace(_text[next]))
            {
                next++;
            }

            if (next == close && close < end)
            {
                continue;
            }

            if (next < end && !(char.IsUpper(_text[next]) || char.IsDigit(_text[next]) || _text[next] is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018'))
            {
                continue;
            }

            Add(sentenceStart, close);
            sentenceStart = close;
            i = close - 1;
        }

        Add(sentenceStart, end);
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> may end a sentence: not after an abbreviation or an initial.</summary>
    private bool EndsSentence(int dot)
    {
        var w = dot;
        while (w > 0 && char.IsLetter(_text[w - 1]))
        {
            w--;
        }

        var word = _text[w..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        return word.Length == 0 || !Abbreviations.Contains(word.ToLowerInvariant());
    }

    private void Add(int start, int end)
    {
        while (start < end && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            _sentences.Add(new TextSpan(start, end));
        }
    }

    private static HashSet<string> LoadAbbreviations()
    {
        using var stream = typeof(SentenceLocator).Assembly.GetManifestResourceStream("Dossier.Evaluation.Data.abbreviations.txt")
            ?? throw new InvalidOperationException("embedded resource Data/abbreviations.txt is missing");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line);
            }
        }

        return words;
    }
}
