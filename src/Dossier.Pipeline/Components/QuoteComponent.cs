using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Direct quotations in straight or curly quotes (and ‘single’ curly quotes), including quotations that run
/// over several paragraphs, each paragraph opening with a quote mark (one quote per paragraph, same speaker).
/// The speaker comes from a speech verb after the quote ("…," Blinken said / said one official) or before
/// it in the sentence (The coalition posted …: "…"; The statement quoted the communiqué: "…"); pronouns
/// (he added, In his estimation) go to the last person named; organizations speak under their canonical
/// name; an unnamed speaker ("a senior official") gives speaker null with that description.
/// Scare quotes of fewer than three words are not quotations.
/// </summary>
public sealed class QuoteComponent : IPipelineComponent
{
    private static readonly HashSet<string> Indefinite = new(StringComparer.Ordinal)
    {
        "a", "an", "one", "another", "some", "two", "three", "several", "many", "other", "senior", "officials", "sources", "experts",
    };

    private static readonly HashSet<string> DocumentNouns = new(StringComparer.Ordinal)
    {
        "communique", "communiqué", "statement", "declaration", "readout", "tweet", "post", "account",
    };

    public string Name => "quotes";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Paragraphs, Layers.Sentences, Layers.Entities, Layers.People, Layers.Boilerplate];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Quotes];

    private readonly record struct RawQuote(int Paragraph, int Start, int End, bool Closed, bool Continuation);

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var raw = FindQuotes(document, cancellationToken);
        (string? Speaker, string? Description) previous = (null, null);
        var previousParagraph = -1;
        foreach (var q in raw)
        {
            var p = document.Paragraphs[q.Paragraph];
            if (p.IsBoilerplate)
            {
                continue;
            }

            var (text, start, end) = Trim(document.Text, q.Start, q.End);
            if (CountWords(text) < 3)
            {
                continue;
            }

            var attribution = q.Continuation ? previous : Attribute(document, q);
            if (attribution.Speaker is null && attribution.Description is null && previousParagraph == q.Paragraph)
            {
                // A quote split by its attribution ("…," she said. "…"): the second part has the same speaker.
                attribution = previous;
            }

            previousParagraph = q.Paragraph;

            document.Quotes.Add(new QuoteFact(attribution.Speaker, attribution.Description, text, new TextSpan(start, end)));
            previous = attribution;
        }
    }

    private static int CountWords(string text)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var w = char.IsLetterOrDigit(c);
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
    }

    private static (string Text, int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '.' && end - 1 > start))
        {
            end--;
        }

        return (text.Substring(start, end - start), start, end);
    }

    private static List<RawQuote> FindQuotes(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var result = new List<RawQuote>();
        var openAcross = false;
        foreach (var p in document.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var i = p.Start;
            var continuation = openAcross && IsOpening(text, p.Start, p.Start);
            openAcross = false;
            while (i < p.End)
            {
                var c = text[i];
                if (!IsOpening(text, i, p.Start))
                {
                    i++;
                    continue;
                }

                var close = FindClosing(text, i, p.End);
                if (close < 0)
                {
                    result.Add(new RawQuote(p.Index, i + 1, p.End, false, continuation && i == p.Start));
                    openAcross = c != '\u2018';
                    break;
                }

                result.Add(new RawQuote(p.Index, i + 1, close, true, continuation && i == p.Start));
                continuation = false;
                i = close + 1;
            }
        }

        return result;
    }

    private static bool IsOpening(string text, int i, int paragraphStart)
    {
        var c = text[i];
        if (c == '\u201C')
        {
            return true;
        }

        if (c is '"' or '\u2018')
        {
            var before = i == paragraphStart ? ' ' : text[i - 1];
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            return (char.IsWhiteSpace(before) || before is '(' or '[' or ':' or '\u2014' or '-') && !char.IsWhiteSpace(after);
        }

        return false;
    }

    private static int FindClosing(string text, int open, int end)
    {
        var single = text[open] == '\u2018';
        for (var k = open + 1; k < end; k++)
        {
            var c = text[k];
            if (!single && c is '\u201D' or '"')
            {
                return k;
            }

            if (single && c == '\u2019' && (k + 1 >= end || !char.IsLetter(text[k + 1])))
            {
                return k;
            }

            if (!single && c == '\u201C')
            {
                return -1;
            }
        }

        return -1;
    }

    private static (string? Speaker, string? Description) Attribute(AnnotatedDocument document, RawQuote q)
    {
        var tokens = document.Tokens;
        var kb = document.Knowledge;
        var openToken = TokenAt(document, q.Start - 1);
        var closeToken = q.Closed ? TokenAt(document, q.End) : -1;
        var s = document.Sentences[document.TokenSentence[openToken]];

        // After the quote: ", Blinken said" / ", said one official" / ", he added".
        if (closeToken >= 0)
        {
            var cs = document.Sentences[document.TokenSentence[closeToken]];
            var k = closeToken + 1;
            var limit = Math.Min(cs.TokenEnd, k + 9);

            // "“…” — Antony Blinken": a dash and a name after the quote.
            if (k + 1 < document.Paragraphs[cs.Paragraph].TokenEnd && tokens[k].Norm == "-")
            {
                var named = document.PersonMentions.FirstOrDefault(m => m.TokenStart == k + 1);
                if (named is not null)
                {
                    return (named.Person.Name, null);
                }
            }

            if (k < limit && tokens[k].Norm == ",")
            {
                k++;
            }

            for (var v = k; v < limit; v++)
            {
                if (tokens[v].Norm is "." or "\"" or ";")
                {
                    break;
                }

                if (!kb.SpeechVerbs.Contains(tokens[v].Norm))
                {
                    continue;
                }

                if (v > k)
                {
                    return Resolve(document, k, v, q.Start);
                }

                // said + speaker
                var e = v + 1;
                while (e < cs.TokenEnd && !(tokens[e].Norm is "," or "." or ";" or "\"") && e - v <= 8)
                {
                    e++;
                }

                return Resolve(document, v + 1, e, q.Start);
            }
        }

        // Before the quote in the sentence: "X said:", "The coalition posted … that", "quoted the communiqué".
        for (var v = openToken - 1; v >= s.TokenStart; v--)
        {
            if (!kb.SpeechVerbs.Contains(tokens[v].Norm))
            {
                continue;
            }

            if (tokens[v].Norm == "quoted")
            {
                var e = v + 1;
                while (e < openToken && !(tokens[e].Norm is "," or ":" or "in"))
                {
                    e++;
                }

                return Resolve(document, v + 1, e, q.Start);
            }

            var from = v - 1;
            while (from > s.TokenStart && v - from < 6 && !(tokens[from - 1].Norm is "," or ":" or "\"" or "that"))
            {
                from--;
            }

            if (from < v)
            {
                var resolved = Resolve(document, from, v, q.Start);
                if (resolved.Speaker is not null || resolved.Description is not null)
                {
                    return resolved;
                }
            }

            // "A senior Western diplomat, speaking on condition of anonymity, said:": the subject before the aside.
            var comma = s.TokenStart;
            while (comma < v && tokens[comma].Norm != ",")
            {
                comma++;
            }

            if (comma < v && comma > s.TokenStart && comma - s.TokenStart <= 8)
            {
                var resolved = Resolve(document, s.TokenStart, comma, q.Start);
                if (resolved.Speaker is not null || resolved.Description is not null)
                {
                    return resolved;
                }
            }
        }

        // "According to the ministry, “…”"
        for (var k = s.TokenStart; k + 1 < openToken; k++)
        {
            if (tokens[k].Norm == "according" && tokens[k + 1].Norm == "to")
            {
                var e = k + 2;
                while (e < openToken && !(tokens[e].Norm is "," or ":"))
                {
                    e++;
                }

                var resolved = Resolve(document, k + 2, e, q.Start);
                if (resolved.Speaker is not null || resolved.Description is not null)
                {
                    return resolved;
                }
            }
        }

        // "In his estimation, …": a possessive pronoun before the quote.
        for (var k = s.TokenStart; k < openToken; k++)
        {
            if (tokens[k].Norm is "his" or "her" && LastPersonBefore(document, q.Start) is { } person)
            {
                return (person.Name, null);
            }
        }

        return (null, null);
    }

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

    private static PersonEntity? LastPersonBefore(AnnotatedDocument document, int charIndex)
    {
        PersonEntity? last = null;
        foreach (var m in document.PersonMentions)
        {
            if (m.Start < charIndex)
            {
                last = m.Person;
            }
        }

        return last;
    }

    /// <summary>Who a speaker phrase (tokens [from, to)) names.</summary>
    private static (string? Speaker, string? Description) Resolve(AnnotatedDocument document, int from, int to, int quoteStart)
    {
        var tokens = document.Tokens;
        while (from < to && tokens[from].Norm is "," or "-")
        {
            from++;
        }

        if (from >= to)
        {
            return (null, null);
        }

        foreach (var m in document.PersonMentions)
        {
            if (m.TokenStart >= from && m.TokenEnd <= to)
            {
                return (m.Person.Name, null);
            }
        }

        var first = tokens[from].Norm;
        if (first is "he" or "she")
        {
            return (LastPersonBefore(document, quoteStart)?.Name, null);
        }

        var phrase = document.TokenRangeText(from, to);
        if (Indefinite.Contains(first))
        {
            return (null, phrase);
        }

        foreach (var e in document.Entities)
        {
            if (e.TokenStart >= from && e.TokenEnd <= to && e.Entry.Kind == EntityKind.Organization && e.Confirmed)
            {
                return (e.Entry.Canonical, null);
            }
        }

        for (var k = from; k < to; k++)
        {
            if (DocumentNouns.Contains(tokens[k].Norm) && document.Entities.Any(e => e.Entry.Id == "coalition" && e.Confirmed))
            {
                return (document.Knowledge.Organizations["coalition"].Canonical, phrase);
            }
        }

        if (first is "the" or "this" && to - from <= 4)
        {
            // "the minister", "the Saudi minister": the last person named whose title has that word.
            var head = tokens[to - 1].Norm;
            if (document.Knowledge.IsTitleWord(head))
            {
                PersonEntity? match = null;
                foreach (var m in document.PersonMentions)
                {
                    if (m.Start < quoteStart && m.Person.Title is { } title && title.Contains(tokens[to - 1].Text(document.Text), StringComparison.OrdinalIgnoreCase))
                    {
                        match = m.Person;
                    }
                }

                if (match is not null)
                {
                    return (match.Name, null);
                }
            }

            return (null, phrase);
        }

        // Another named source ("Iraq's foreign ministry"): unnamed, described as written.
        return to - from <= 6 && tokens[from].IsWord ? (null, phrase) : (null, null);
    }
}
