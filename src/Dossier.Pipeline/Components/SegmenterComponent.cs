using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Paragraphs (lines), tokens and sentences, and the boilerplate flag on segments: cookie notices,
/// navigation lines (Read more, Load More), bylines, and the off-topic items of a feed (the paragraphs
/// after a feed marker such as "Load More" or "Latest news" that have no word of the topic).
/// Sentences do not end after abbreviations (Maj.-Gen., Dr., No.), initials, or dotted forms (U.S.).
/// </summary>
public sealed class SegmenterComponent : IPipelineComponent
{
    public string Name => "segmenter";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Text];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Paragraphs, Layers.Sentences, Layers.Tokens, Layers.Boilerplate];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var kb = document.Knowledge;
        var lineStart = 0;
        var paragraphStart = 0;

        // About one token per five characters of news text: one array instead of the list doubling as it fills.
        document.Tokens.Capacity = Math.Max(document.Tokens.Capacity, document.Tokens.Count + text.Length / 5);
        while (lineStart <= text.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            if (nl >= 0 && (SoftBreak(text, lineStart, lineEnd, nl + 1) || NumberContinues(kb, text, lineStart, lineEnd, nl + 1)))
            {
                lineStart = nl + 1;
                continue;
            }

            AddParagraph(document, paragraphStart, lineEnd);
            if (nl < 0)
            {
                break;
            }

            lineStart = nl + 1;
            paragraphStart = lineStart;
        }

        var map = new int[document.Tokens.Count];
        foreach (var s in document.Sentences)
        {
            for (var t = s.TokenStart; t < s.TokenEnd; t++)
            {
                map[t] = s.Index;
            }
        }

        document.TokenSentence = map;
        FlagBoilerplate(document, kb);
    }

    /// <summary>
    /// A hard line break inside a sentence (text extracted from a PDF, a wrapped e-mail): a long line that does not end
    /// a sentence, followed directly by a line that starts in lower case, continues the same paragraph.
    /// </summary>
    private static bool SoftBreak(string text, int lineStart, int lineEnd, int next)
    {
        var end = lineEnd;
        while (end > lineStart && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end - lineStart < 40 || next >= text.Length || text[end - 1] is '.' or '!' or '?' or ':' or ';' or '"' or '\u201D' or '|')
        {
            return false;
        }

        var k = next;
        while (k < text.Length && text[k] is ' ' or '\t')
        {
            k++;
        }

        return k < text.Length && char.IsLower(text[k]);
    }

    /// <summary>
    /// A line broken inside a sentence before a number: it ends with a month name ("on 14 February⏎2018"), or, when it is
    /// long, with a word or mark of <c>sets/line_continuations.txt</c> ("on Thursday,⏎12 March"), and the next line starts
    /// with a number that is not a list item's ("2." "3)").
    /// </summary>
    private static bool NumberContinues(KnowledgeBase kb, string text, int lineStart, int lineEnd, int next)
    {
        var end = lineEnd;
        while (end > lineStart && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var k = next;
        while (k < text.Length && text[k] is ' ' or '\t')
        {
            k++;
        }

        if (end == lineStart || k >= text.Length || !char.IsAsciiDigit(text[k]))
        {
            return false;
        }

        var d = k;
        while (d < text.Length && char.IsAsciiDigit(text[d]))
        {
            d++;
        }

        if (d < text.Length && text[d] is '.' or ')' && (d + 1 >= text.Length || !char.IsAsciiDigit(text[d + 1])))
        {
            return false;
        }

        if (text[end - 1] == ',')
        {
            return end - lineStart >= 40 && kb.Sets.Has("line_continuations", ",");
        }

        var w = end;
        while (w > lineStart && Tokenizer.IsWordChar(text[w - 1]))
        {
            w--;
        }

        if (w == end || (w > lineStart && !char.IsWhiteSpace(text[w - 1])))
        {
            return false;
        }

        var word = text[w..end];
        if (char.IsUpper(word[0]) && kb.Calendar.TryGetValue(word.ToLowerInvariant(), out var cal) && cal.Kind == "month")
        {
            return true;
        }

        return end - lineStart >= 40 && kb.Sets.Has("line_continuations", word.ToLowerInvariant());
    }

    private static void AddParagraph(AnnotatedDocument document, int start, int end)
    {
        var text = document.Text;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end <= start)
        {
            return;
        }

        var tokens = document.Tokens;
        var first = tokens.Count;
        Tokenizer.Tokenize(text, start, end, tokens);
        if (tokens.Count == first)
        {
            return;
        }

        var paragraph = new Segment(document.Paragraphs.Count, start, end, first, tokens.Count);
        document.Paragraphs.Add(paragraph);
        SplitSentences(document, paragraph);
    }

    private static void SplitSentences(AnnotatedDocument document, Segment paragraph)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var kb = document.Knowledge;
        var sentenceStart = paragraph.TokenStart;
        for (var i = paragraph.TokenStart; i < paragraph.TokenEnd; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Punct || !(t.Norm is "." or "!" or "?" or "\u2026"))
            {
                continue;
            }

            if (t.Norm == "." && i > sentenceStart)
            {
                var prev = tokens[i - 1];
                var adjacent = prev.End == t.Start;
                if (adjacent && prev.IsWord && (kb.Abbreviations.Contains(prev.Norm) || (prev.Length == 1 && char.IsUpper(text[prev.Start]))))
                {
                    continue;
                }
            }

            // Closing quotes and brackets stay with the sentence they close; a run of dots is one end.
            var end = i + 1;
            while (end < paragraph.TokenEnd && tokens[end].Kind == TokenKind.Punct && tokens[end].Norm is "\"" or "'" or ")" or "]" or "." or "!" or "?")
            {
                end++;
            }

            if (end < paragraph.TokenEnd)
            {
                var next = tokens[end];
                var c = text[next.Start];
                if (!(char.IsUpper(c) || char.IsDigit(c) || next.Norm is "\"" or "'" or "(" or "-" || next.Kind == TokenKind.Symbol))
                {
                    continue;
                }
            }

            AddSentence(document, paragraph, sentenceStart, end);
            sentenceStart = end;
            i = end - 1;
        }

        if (sentenceStart < paragraph.TokenEnd)
        {
            AddSentence(document, paragraph, sentenceStart, paragraph.TokenEnd);
        }
    }

    /// <summary>
    /// The longest sentence, in tokens. Real sentences stay far below it (the dev corpus's longest has about 80); a page
    /// without sentence ends (a run of capitals, a list flattened into one line) is cut into pieces of this size, at a
    /// comma or semicolon when the last third of the piece has one, so that work over a sentence stays bounded.
    /// </summary>
    internal const int MaxSentenceTokens = 300;

    private static void AddSentence(AnnotatedDocument document, Segment paragraph, int from, int to)
    {
        var tokens = document.Tokens;
        while (to - from > MaxSentenceTokens)
        {
            var cut = from + MaxSentenceTokens;
            for (var k = cut - 1; k > from + (MaxSentenceTokens * 2 / 3); k--)
            {
                if (tokens[k].Norm is "," or ";")
                {
                    cut = k + 1;
                    break;
                }
            }

            AddPiece(document, paragraph, from, cut);
            from = cut;
        }

        AddPiece(document, paragraph, from, to);
    }

    private static void AddPiece(AnnotatedDocument document, Segment paragraph, int from, int to)
    {
        var tokens = document.Tokens;
        document.Sentences.Add(new Segment(document.Sentences.Count, tokens[from].Start, tokens[to - 1].End, from, to)
        {
            Paragraph = paragraph.Index,
        });
    }

    private static void FlagBoilerplate(AnnotatedDocument document, KnowledgeBase kb)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var inFeed = false;
        Func<string, int, int, bool> caseMatches = (_, s, e) => CaseMatches(document, s, e);
        Func<string, int, int, bool> paragraphCaseMatches = (k, s, e) => k == "cookie" || CaseMatches(document, s, e);
        foreach (var p in document.Paragraphs)
        {
            // The kinds of cue found in the paragraph (the four that decide below).
            bool cookie = false, feed = false, nav = false, byline = false;
            var markerCovers = false;
            for (var i = p.TokenStart; i < p.TokenEnd; i++)
            {
                var (end, kind) = kb.Boilerplate.Longest(tokens, i, p.TokenEnd, paragraphCaseMatches);
                if (end < 0 || kind is null)
                {
                    continue;
                }

                if (kind == "byline" && i != p.TokenStart)
                {
                    continue;
                }

                cookie |= kind == "cookie";
                feed |= kind == "feed";
                nav |= kind == "nav";
                byline |= kind == "byline";
                if (i == p.TokenStart && (end == p.TokenEnd || OnlyPunctuationAfter(tokens, end, p.TokenEnd)))
                {
                    markerCovers = true;
                }
            }

            string? boiler = null;
            if (cookie)
            {
                boiler = "cookie";
            }
            else if (feed && markerCovers)
            {
                boiler = "feed";
                inFeed = true;
            }
            else if (nav && markerCovers)
            {
                boiler = "nav";
            }
            else if (byline && p.TokenEnd - p.TokenStart <= 8 && IsNameLine(document, p))
            {
                boiler = "byline";
            }
            else if (IsMenuLine(document, p))
            {
                boiler = "menu";
            }
            else if (inFeed && !OnTopic(document, p))
            {
                boiler = "off-topic";
            }

            if (boiler is not null)
            {
                p.IsBoilerplate = true;
                p.BoilerplateKind = boiler;
            }
        }

        foreach (var s in document.Sentences)
        {
            if (document.Paragraphs[s.Paragraph].IsBoilerplate)
            {
                s.IsBoilerplate = true;
                continue;
            }

            // A navigation sentence inside a paragraph ("... Read more.").
            var (end, kind) = kb.Boilerplate.Longest(tokens, s.TokenStart, s.TokenEnd, caseMatches);
            if (kind == "nav" && OnlyPunctuationAfter(tokens, end, s.TokenEnd))
            {
                s.IsBoilerplate = true;
            }
        }

        _ = text;
    }

    private static bool CaseMatches(AnnotatedDocument document, int start, int end) =>
        char.IsUpper(document.Text[document.Tokens[start].Start]);

    /// <summary>"Home | About | Partners | Contact": short items between separators.</summary>
    private static bool IsMenuLine(AnnotatedDocument document, Segment p)
    {
        var tokens = document.Tokens;
        int separators = 0, words = 0;
        for (var i = p.TokenStart; i < p.TokenEnd; i++)
        {
            if (tokens[i].Norm is "|" or "\u2022" or "\u00b7")
            {
                separators++;
            }
            else if (tokens[i].IsWord)
            {
                words++;
            }
        }

        return separators >= 2 && words <= (separators + 1) * 3;
    }

    private static bool OnlyPunctuationAfter(List<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameLine(AnnotatedDocument document, Segment p)
    {
        var tokens = document.Tokens;
        for (var i = p.TokenStart + 1; i < p.TokenEnd; i++)
        {
            var t = tokens[i];
            if (t.IsWord && !t.IsCapitalized(document.Text) && !document.Knowledge.Particles.Contains(t.Norm) && t.Norm != "and")
            {
                return false;
            }
        }

        return true;
    }

    private static bool OnTopic(AnnotatedDocument document, Segment p)
    {
        var tokens = document.Tokens;
        for (var i = p.TokenStart; i < p.TokenEnd; i++)
        {
            var norm = tokens[i].Norm;
            foreach (var cue in document.Knowledge.TopicCues)
            {
                if (cue.EndsWith('*') ? norm.AsSpan().StartsWith(cue.AsSpan(0, cue.Length - 1), StringComparison.Ordinal) : norm == cue)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
