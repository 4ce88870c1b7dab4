using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// Quotation spans, before anyone is said to have spoken them: text in straight or curly double quotes or curly single
/// quotes, in paragraphs that are not page noise. A quotation left open at its paragraph's end runs to that end, and the
/// next paragraph opening with a mark continues it (one span per paragraph). A paragraph that opens with a closing mark
/// (” … to prevent …, as some pages store it) opens a quotation. Not quotations: names and titles in quotation marks
/// (every word capitalized: “Africa Focus Group”, ‘Daesh’), short quotations after a naming cue and titles after a title
/// cue (<c>patterns/quote_spans</c>: so-called “…”, dubbed ‘…’, a report titled “…”), an unclosed fragment of fewer than three words (a text cut off after “We b”), and a
/// quotation whose words stand inside a longer one elsewhere (a headline echoing it). Sets the <c>quote</c> layer: the
/// tokens from the opening mark to the closing one.
/// </summary>
public sealed class QuoteSpansComponent : IPipelineComponent
{
    public string Name => "quote-spans";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Paragraphs, Layers.Tokens, Layers.Entities, Layers.Boilerplate];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.QuoteSpans];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var candidates = new List<QuoteSpan>();
        foreach (var raw in QuotationMarks.Find(document.Text, document.Paragraphs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (document.Paragraphs[raw.Paragraph].IsBoilerplate || Build(document, raw) is not { } span)
            {
                continue;
            }

            if (!span.Closed && span.Short || IsName(document, span))
            {
                continue;
            }

            candidates.Add(span);
        }

        document.Layers.Set("quote", candidates.Select(q => new TokenRange(q.TokenStart, q.TokenEnd)));
        var named = NamedByCue(document, candidates);
        var kept = candidates.Where(q => !named.Contains(q.TokenStart)).ToList();
        kept = WithoutEchoes(document.Text, kept);
        document.QuoteSpans.AddRange(kept);
        document.Layers.Set("quote", kept.Select(q => new TokenRange(q.TokenStart, q.TokenEnd)));
    }

    private static QuoteSpan? Build(AnnotatedDocument document, QuotationMarks.Raw raw)
    {
        var text = document.Text;
        var start = raw.Start;
        var end = raw.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var words = CountWords(text, start, end);
        if (words == 0)
        {
            return null;
        }

        var paragraph = document.Paragraphs[raw.Paragraph];
        var open = TokenAt(document, raw.Start - 1);
        var tokenEnd = raw.Closed ? TokenAt(document, raw.End) + 1 : paragraph.TokenEnd;
        return new QuoteSpan(start, end, open, tokenEnd, raw.Paragraph) { Closed = raw.Closed, Continues = raw.Continues, Words = words };
    }

    /// <summary>A name or title in quotation marks: at most six words, each capitalized or a function word, no clause punctuation.</summary>
    private static bool IsName(AnnotatedDocument document, QuoteSpan q)
    {
        if (q.Words > 6)
        {
            return false;
        }

        var sets = document.Knowledge.Sets;
        var capitalized = 0;
        var contentEnd = q.Closed ? q.TokenEnd - 1 : q.TokenEnd;
        for (var i = q.TokenStart + 1; i < contentEnd; i++)
        {
            var t = document.Tokens[i];
            if (t.IsWord)
            {
                if (t.IsCapitalized(document.Text))
                {
                    capitalized++;
                }
                else if (!sets.Has("function_words", t.Norm))
                {
                    return false;
                }
            }
            else if (t.Kind == TokenKind.Punct && t.Norm is not ("-" or "'" or "&" or "/"))
            {
                return false;
            }
        }

        return capitalized > 0;
    }

    /// <summary>Quotations right after a naming cue (so-called, dubbed, the term): opening tokens of those matched.</summary>
    private static HashSet<int> NamedByCue(AnnotatedDocument document, List<QuoteSpan> candidates)
    {
        var named = new HashSet<int>();
        foreach (var paragraph in candidates.Select(q => q.Paragraph).Distinct())
        {
            var p = document.Paragraphs[paragraph];
            foreach (var m in document.Match("quote_spans", p.TokenStart, p.TokenEnd, "name"))
            {
                if (m["quote"] is { } quote && candidates.FirstOrDefault(q => q.TokenStart == quote.Start) is { } q
                    && int.TryParse(m.Pattern["max_words"] ?? "4", out var maxWords) && q.Words <= maxWords)
                {
                    named.Add(q.TokenStart);
                }
            }
        }

        return named;
    }

    /// <summary>Drops a quotation whose words stand inside a longer quotation of the same text (a headline echoing it).</summary>
    private static List<QuoteSpan> WithoutEchoes(string text, List<QuoteSpan> spans)
    {
        var keys = spans.Select(q => Key(text, q)).ToList();
        var kept = new List<QuoteSpan>();
        for (var i = 0; i < spans.Count; i++)
        {
            var echo = false;
            for (var j = 0; j < spans.Count && !echo; j++)
            {
                echo = j != i && keys[j].Length > keys[i].Length && keys[j].Contains(keys[i], StringComparison.Ordinal);
            }

            if (!echo)
            {
                kept.Add(spans[i]);
            }
        }

        return kept;
    }

    /// <summary>The quoted words, lower case, separated by single spaces.</summary>
    private static string Key(string text, QuoteSpan q)
    {
        var sb = new System.Text.StringBuilder(q.End - q.Start + 2);
        sb.Append(' ');
        var gap = false;
        for (var i = q.Start; i < q.End; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (gap)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                gap = false;
            }
            else
            {
                gap = true;
            }
        }

        return sb.Append(' ').ToString();
    }

    private static int CountWords(string text, int start, int end)
    {
        var n = 0;
        var inWord = false;
        for (var i = start; i < end; i++)
        {
            var w = char.IsLetterOrDigit(text[i]);
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
    }

    /// <summary>The token that contains (or first follows) a character offset.</summary>
    private static int TokenAt(AnnotatedDocument document, int charIndex)
    {
        var tokens = document.Tokens;
        var lo = 0;
        var hi = tokens.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= charIndex)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
