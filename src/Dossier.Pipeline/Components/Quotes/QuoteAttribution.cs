namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// The speaker a sieve gave one quotation, the sieve's name (<see cref="Rule"/>) and whether the attribution came from
/// the quotation's own sentence (<see cref="Local"/>): only such an attribution makes a quotation of one or two words a
/// quote.
/// </summary>
public sealed record QuoteAttribution(string? Speaker, string? Description, string Rule, bool Local)
{
    public static QuoteAttribution From(SpeakerRef speaker, string rule, bool local) => new(speaker.Speaker, speaker.Description, rule, local);
}
