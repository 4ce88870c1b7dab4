using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// Pronouns as speakers. He/she (gender is not checked): the speaker of the nearest earlier attributed quotation when
/// that is a person, no more than <see cref="ParagraphReach"/> paragraphs back and with no other person named in
/// between (“…,” Allawi told INA. He added that …); else the first person named in the nearest sentence that names one,
/// the pronoun's own sentence first, at most <see cref="SentenceReach"/> sentences back (the subject of the last
/// sentence about someone). It/they: the speaker of the nearest earlier attributed quotation when that is not a person
/// (an organization or its statement), else the issuer of the nearest statement named before.
/// Names inside quotations are never antecedents.
/// </summary>
public sealed class PronounResolver(QuoteSieveContext context, DocumentNounResolver documents)
{
    public const int ParagraphReach = 3;
    public const int SentenceReach = 4;

    private AnnotatedDocument Document => context.Document;

    /// <summary>The person a he/she at <paramref name="pronoun"/> (for quotation <paramref name="quote"/>) stands for, or null.</summary>
    public string? Person(int quote, int pronoun)
    {
        if (PreviousAttributed(quote) is { } previous && context.IsPerson(previous.Attribution.Speaker))
        {
            var between = MentionsBetween(context.Quotes[previous.Index].TokenEnd, pronoun);
            if (between.All(m => m.Person.Name == previous.Attribution.Speaker))
            {
                return previous.Attribution.Speaker;
            }
        }

        var sentence = Document.TokenSentence[pronoun];
        for (var s = sentence; s >= 0 && s >= sentence - SentenceReach; s--)
        {
            var segment = Document.Sentences[s];
            var first = MentionsBetween(segment.TokenStart, Math.Min(segment.TokenEnd, pronoun)).FirstOrDefault();
            if (first is not null)
            {
                return first.Person.Name;
            }
        }

        return null;
    }

    /// <summary>What an it/they at <paramref name="pronoun"/> stands for: an organization or a statement's issuer, or null.</summary>
    public SpeakerRef? Issuer(int quote, int pronoun)
    {
        if (PreviousAttributed(quote) is { } previous)
        {
            var a = previous.Attribution;
            if (!context.IsPerson(a.Speaker) && (a.Speaker is not null || a.Description is not null))
            {
                // "The ministry said in a statement that … “…,” it said": an organization that speaks between the two
                // quotations is the nearer antecedent.
                return SpeakingOrganization(context.Quotes[previous.Index].TokenEnd, pronoun) is { } nearer && nearer != a.Speaker
                    ? new SpeakerRef(nearer, null)
                    : new SpeakerRef(a.Speaker, a.Description);
            }
        }

        var sentence = Document.TokenSentence[pronoun];
        var stop = Document.Sentences[Math.Max(0, sentence - SentenceReach)].TokenStart;
        for (var t = pronoun - 1; t >= stop; t--)
        {
            if (!context.InQuote(t) && Document.InSet("document_nouns", t))
            {
                return documents.IssuerAt(t) is { } org ? new SpeakerRef(org, null) : null;
            }
        }

        return null;
    }

    /// <summary>The last organization in <c>[from, to)</c>, outside quotations, that a speech verb follows ("the ministry said"), or null.</summary>
    private string? SpeakingOrganization(int from, int to)
    {
        string? found = null;
        foreach (var e in Document.Entities)
        {
            if (e.TokenStart >= from && e.TokenEnd < to && e.Entry.Kind == Knowledge.EntityKind.Organization && e.Confirmed && !e.Nested
                && !context.InQuote(e.TokenStart) && Document.InSet("speech_verbs", e.TokenEnd))
            {
                found = e.Entry.Canonical;
            }
        }

        return found;
    }

    /// <summary>The nearest earlier quotation with a speaker or a description, within reach.</summary>
    private (int Index, QuoteAttribution Attribution)? PreviousAttributed(int quote)
    {
        var paragraph = context.Quotes[quote].Paragraph;
        for (var k = quote - 1; k >= 0; k--)
        {
            if (paragraph - context.Quotes[k].Paragraph > ParagraphReach)
            {
                return null;
            }

            if (context.Attributions[k] is { } a && (a.Speaker is not null || a.Description is not null))
            {
                return (k, a);
            }
        }

        return null;
    }

    /// <summary>Person mentions in <c>[from, to)</c> outside quotations, in text order.</summary>
    private IEnumerable<PersonMention> MentionsBetween(int from, int to) =>
        Document.PersonMentions.Where(m => m.TokenStart >= from && m.TokenEnd <= to && !context.InQuote(m.TokenStart)).OrderBy(m => m.TokenStart);
}
