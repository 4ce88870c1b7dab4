using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// A sieve made of the patterns of <c>patterns/quote_speakers</c> with its name as label, matched over the quotation's
/// own sentences: patterns that end with the quotation (Blinken said: “…”) and patterns that start with it (“…,” said
/// Blinken). The speaker phrase is the capture "who" (or marks "who" … "who_end"), the longest a pattern finds for one
/// verb; the pattern's "as" field tells the resolver how to read it ("statement": the issuer of a statement). Where
/// several patterns match (none starting right after "for", "to", "of" …: "a spokesman for Mr Marsh said"), the higher priority wins, then the shorter match (the speaker nearer the quotation); a phrase
/// the resolver cannot read gives way to the next match. The attribution is local (it makes a quotation of one or two
/// words a quote) unless the speaker stands before a quotation that follows a determiner (declared its “caliphate”:
/// a term in a noun phrase, not speech; <c>sets/term_determiners</c>).
/// </summary>
public sealed class PatternSieve(string label) : QuoteSieve
{
    public override string Name => label;

    protected override QuoteAttribution? Attribute(QuoteSieveContext context, int quote)
    {
        var q = context.Quotes[quote];
        foreach (var m in Candidates(context, q))
        {
            if (QuoteSieveContext.Who(m) is { } who && context.Resolver.Resolve(who, quote, m.Pattern["as"]) is { } speaker)
            {
                return Attribution(speaker, m.Start == q.TokenStart || !AfterDeterminer(context.Document, q));
            }
        }

        return null;
    }

    private static bool AfterDeterminer(AnnotatedDocument document, QuoteSpan q) =>
        q.TokenStart > 0 && document.InSet("term_determiners", q.TokenStart - 1);

    private IEnumerable<PatternMatch> Candidates(QuoteSieveContext context, QuoteSpan q)
    {
        var document = context.Document;
        var input = document.MatchInput;
        var paragraph = document.Paragraphs[q.Paragraph];

        // The quotation's sentences; "X said: “…”" may end a sentence of its own before the quotation, and "“….” X said."
        // may follow the quotation's last sentence.
        var from = Math.Min(context.OpeningSentence(q).TokenStart, q.TokenStart);
        if (from == q.TokenStart && q.TokenStart > paragraph.TokenStart && document.Tokens[q.TokenStart - 1].Norm is ":" or ",")
        {
            from = context.SentenceOf(q.TokenStart - 1).TokenStart;
        }

        var to = context.SentenceOf(q.TokenEnd - 1).TokenEnd;
        if (to == q.TokenEnd && to < paragraph.TokenEnd)
        {
            to = context.SentenceOf(to).TokenEnd;
        }

        var matches = context.Patterns.MatchAll(input, from, q.TokenEnd, label).Where(m => m.End == q.TokenEnd).ToList();
        context.Patterns.MatchAt(input, q.TokenStart, to, label, matches);

        // One pattern reading one verb: its longest speaker phrase ("Monday’s State Department statement", not "statement").
        return matches
            .Where(m => m["quote"] is { } captured && captured.Start == q.TokenStart && QuoteSieveContext.Who(m) is not null)
            .Where(m => m.Start == q.TokenStart || !context.StartsInsideAPhrase(m))
            .GroupBy(m => (m.Pattern.Id, QuoteSieveContext.Who(m)!.Value.End))
            .Select(g => g.MinBy(m => m.Start)!)
            .OrderByDescending(m => m.Pattern.Priority)
            .ThenBy(m => m.End - m.Start);
    }
}
