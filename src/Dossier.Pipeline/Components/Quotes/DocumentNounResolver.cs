using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// A statement (communiqué, release, readout …) named without its issuer, as a speaker. "the statement": the speaker of
/// the nearest earlier quotation given to an organization through a statement, else the organization named with the
/// nearest earlier mention of the same noun (then of any statement noun): an organization just before it in its
/// sentence ("The coalition made the resolution in a communiqué") or after "by/of/from" right behind it ("a statement by
/// the ministry"), else the person named first before it in its sentence ("X congratulated the troops in a statement").
/// "a statement" (indefinite) takes no antecedent. None found: unnamed, described.
/// </summary>
public sealed class DocumentNounResolver(QuoteSieveContext context)
{
    private const int IssuerReach = 6;

    private AnnotatedDocument Document => context.Document;

    public SpeakerRef Issuer(int noun, int quote, string description, bool definite)
    {
        if (!definite)
        {
            return new SpeakerRef(null, description);
        }

        for (var k = quote - 1; k >= 0; k--)
        {
            if (context.Attributions[k] is { Speaker: { } speaker, Description: { } d } && !context.IsPerson(speaker) && MentionsDocument(d))
            {
                return new SpeakerRef(speaker, description);
            }
        }

        var sets = Document.Knowledge.Sets;
        var norm = Document.Tokens[noun].Norm;
        foreach (var sameNoun in new[] { true, false })
        {
            for (var t = noun - 1; t >= 0; t--)
            {
                var n = Document.Tokens[t].Norm;
                if (context.InQuote(t) || !(sameNoun ? n == norm : sets.Has("document_nouns", n)))
                {
                    continue;
                }

                if (IssuerAt(t) is { } org)
                {
                    return new SpeakerRef(org, description);
                }

                if (Governments(t) >= 2)
                {
                    // The statement named before was a joint statement of two governments.
                    return new SpeakerRef(null, description);
                }

                if (PersonIssuerAt(t) is { } person)
                {
                    return new SpeakerRef(person, description);
                }
            }
        }

        if (sets.Has("meeting_documents", norm) && MeetingIssuerBefore(noun) is { } body)
        {
            return new SpeakerRef(body, description);
        }

        return new SpeakerRef(null, description);
    }

    /// <summary>The organization that issued the statement named at token <paramref name="noun"/>, or null.</summary>
    public string? IssuerAt(int noun)
    {
        EntityMention? before = null;
        EntityMention? after = null;
        foreach (var e in Document.EntitiesIn(Document.TokenSentence[noun]))
        {
            if (e.Entry.Kind != EntityKind.Organization || !e.Confirmed || e.Nested)
            {
                continue;
            }

            if (e.TokenEnd <= noun && (before is null || e.TokenStart > before.TokenStart))
            {
                before = e;
            }
            else if (e.TokenStart > noun && e.TokenStart - noun <= IssuerReach && (after is null || e.TokenStart < after.TokenStart)
                && Document.InSet("issuer_links", noun + 1))
            {
                after = e;
            }
        }

        return (after ?? before)?.Entry.Canonical;
    }

    /// <summary>"The president, X, congratulated the troops in a statement": the first person named before the noun in its sentence, or null.</summary>
    private string? PersonIssuerAt(int noun)
    {
        // Person mentions are in text order: start at the sentence's first one.
        var sentence = Document.Sentences[Document.TokenSentence[noun]];
        var mentions = Document.PersonMentions;
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].TokenStart < sentence.TokenStart)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < mentions.Count && mentions[i].TokenEnd <= noun; i++)
        {
            var m = mentions[i];
            if (!context.InQuote(m.TokenStart) && !(m.TokenStart > 0 && Document.InSet("complement_prepositions", m.TokenStart - 1)))
            {
                return m.Person.Name;
            }
        }

        return null;
    }

    /// <summary>How many countries the sentence of token <paramref name="token"/> names.</summary>
    private int Governments(int token) =>
        Document.EntitiesIn(Document.TokenSentence[token]).Select(e => e.CountryRef).OfType<string>().Distinct(StringComparer.Ordinal).Count();

    /// <summary>The nearest coalition body named before token <paramref name="noun"/> (the issuer of a meeting's communiqué).</summary>
    private string? MeetingIssuerBefore(int noun)
    {
        EntityMention? last = null;
        foreach (var e in Document.Entities)
        {
            if (e.TokenEnd <= noun && e.Entry.Kind == EntityKind.Organization && e.Confirmed && !e.Nested && e.Entry.OrgKind is { } kind
                && Document.Knowledge.Sets.Has("meeting_issuer_kinds", kind) && (last is null || e.TokenStart > last.TokenStart))
            {
                last = e;
            }
        }

        return last?.Entry.Canonical;
    }

    private bool MentionsDocument(string description) =>
        Tokenizer.Tokenize(description).Any(t => Document.Knowledge.Sets.Has("document_nouns", t.Norm));
}
