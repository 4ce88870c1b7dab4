namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// A quotation that opens its sentence with no speaker of its own, after a sentence of the same paragraph that reports
/// someone speaking and quotes nothing ("Prince Faisal also affirmed that …. “…”"): that sentence's speaker, read with
/// the "speaker" patterns of <c>patterns/quote_speakers</c> (the first match: the subject).
/// </summary>
public sealed class PreviousSentenceSieve : QuoteSieve
{
    public override string Name => "previous-sentence";

    protected override QuoteAttribution? Attribute(QuoteSieveContext context, int quote)
    {
        var q = context.Quotes[quote];
        var document = context.Document;
        var sentence = context.OpeningSentence(q);
        if (!context.OpensSentence(q) || sentence.Index == 0)
        {
            return null;
        }

        var previous = document.Sentences[sentence.Index - 1];
        if (previous.Paragraph != sentence.Paragraph
            || context.Quotes.Any(o => o != q && o.TokenStart < previous.TokenEnd && o.TokenEnd > previous.TokenStart))
        {
            return null;
        }

        foreach (var m in context.Patterns.Matches(document.MatchInput, previous.TokenStart, previous.TokenEnd, "speaker"))
        {
            if (context.StartsInsideAPhrase(m))
            {
                continue;
            }

            if (QuoteSieveContext.Who(m) is { } who && context.Resolver.Resolve(who, quote, m.Pattern["as"]) is { } speaker)
            {
                return Attribution(speaker);
            }
        }

        return null;
    }
}
