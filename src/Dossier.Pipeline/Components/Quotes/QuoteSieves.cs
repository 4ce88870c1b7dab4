namespace Dossier.Pipeline.Components.Quotes;

/// <summary>The registry of quote-attribution sieves by name (their order is data: <c>pipeline.json</c> "quote_sieves").</summary>
public static class QuoteSieves
{
    public static IQuoteSieve Create(string name) => name switch
    {
        "adjacent" or "clause" or "trailing" or "possessive" => new PatternSieve(name),
        "name-line" => new NameLineSieve(),
        "colon-lead" => new ColonLeadSieve(),
        "continuation" => new ContinuationSieve(),
        "previous-sentence" => new PreviousSentenceSieve(),
        _ => throw new ArgumentException($"unknown quote sieve '{name}'", nameof(name)),
    };
}
