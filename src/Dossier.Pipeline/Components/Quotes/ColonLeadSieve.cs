using Dossier.Pipeline.Matching;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// A quotation that opens its paragraph after a paragraph ending in a colon: the lead-in names the speaker ("Blinken
/// said:", "The minister told reporters:", "Below is a joint statement that can be attributed to leaders of the
/// CIFG:"). The lead-in sentence must match one of the "lead" patterns of <c>patterns/quote_speakers</c> up to its colon.
/// </summary>
public sealed class ColonLeadSieve : QuoteSieve
{
    public override string Name => "colon-lead";

    protected override QuoteAttribution? Attribute(QuoteSieveContext context, int quote)
    {
        var q = context.Quotes[quote];
        var document = context.Document;
        if (q.TokenStart != document.Paragraphs[q.Paragraph].TokenStart || context.PreviousParagraph(q.Paragraph) is not { } previous
            || document.Tokens[previous.TokenEnd - 1].Norm != ":")
        {
            return null;
        }

        var lead = context.SentenceOf(previous.TokenEnd - 1);
        var matches = context.Patterns.MatchAll(document.MatchInput, lead.TokenStart, lead.TokenEnd, "lead")
            .Where(m => m.End == lead.TokenEnd && !context.StartsInsideAPhrase(m))
            .OrderByDescending(m => m.Pattern.Priority)
            .ThenBy(m => m.End - m.Start);
        foreach (PatternMatch m in matches)
        {
            if (QuoteSieveContext.Who(m) is { } who && context.Resolver.Resolve(who, quote, m.Pattern["as"]) is { } speaker)
            {
                return Attribution(speaker);
            }
        }

        return null;
    }
}
