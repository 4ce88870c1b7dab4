namespace Dossier.Pipeline.Components.Quotes;

/// <summary>A sieve that looks at each open quotation on its own, in text order.</summary>
public abstract class QuoteSieve : IQuoteSieve
{
    public abstract string Name { get; }

    public void Apply(QuoteSieveContext context)
    {
        for (var i = 0; i < context.Quotes.Count; i++)
        {
            if (context.Attributions[i] is null && Attribute(context, i) is { } attribution)
            {
                context.Attributions[i] = attribution;
            }
        }
    }

    /// <summary>The attribution of quotation <paramref name="quote"/>, or null to leave it to later sieves.</summary>
    protected abstract QuoteAttribution? Attribute(QuoteSieveContext context, int quote);

    /// <summary>An attribution by this sieve; <paramref name="local"/>: read from the quotation's own sentence.</summary>
    protected QuoteAttribution? Attribution(SpeakerRef? speaker, bool local = false) =>
        speaker is { } s ? QuoteAttribution.From(s, Name, local) : null;
}
