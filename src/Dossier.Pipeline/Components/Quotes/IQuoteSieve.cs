namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// One deterministic attribution step (in the spirit of CoreNLP's quoteattribution sieves, Muzny et al. 2017): it
/// gives a speaker to the quotations earlier sieves left open and never changes one already attributed.
/// </summary>
public interface IQuoteSieve
{
    /// <summary>The sieve's name, as listed in <c>pipeline.json</c> "quote_sieves" and kept as the quote's rule.</summary>
    string Name { get; }

    void Apply(QuoteSieveContext context);
}
