using Dossier.Pipeline.Matching;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// A pull quote: a quotation that is a paragraph of its own, followed by a line that is only a name (with its rank or
/// title, and an office in apposition): “…”⏎Minister Jane Roe, Minister for Foreign Affairs. The line must match one
/// of the "name-line" patterns of <c>patterns/quote_speakers</c> from its first token to its last.
/// </summary>
public sealed class NameLineSieve : QuoteSieve
{
    public override string Name => "name-line";

    protected override QuoteAttribution? Attribute(QuoteSieveContext context, int quote)
    {
        var q = context.Quotes[quote];
        var document = context.Document;
        var paragraph = document.Paragraphs[q.Paragraph];
        if (!q.Closed || q.TokenStart != paragraph.TokenStart || !context.OnlyPunctuation(q.TokenEnd, paragraph.TokenEnd)
            || context.NextParagraph(q.Paragraph) is not { } line)
        {
            return null;
        }

        var matches = new List<PatternMatch>();
        context.Patterns.MatchAt(document.MatchInput, line.TokenStart, line.TokenEnd, Name, matches);
        foreach (var m in matches.Where(m => m.End == line.TokenEnd).OrderByDescending(m => m.Pattern.Priority))
        {
            if (QuoteSieveContext.Who(m) is { } who && context.Resolver.Resolve(who, quote, m.Pattern["as"]) is { Speaker: not null } speaker)
            {
                return Attribution(speaker);
            }
        }

        return null;
    }
}
