using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// Reads a speaker phrase (tokens a sieve found next to a speech verb) as a speaker, in this order:
/// a pronoun (he/she: <see cref="PronounResolver.Person"/>; it/they: <see cref="PronounResolver.Issuer"/>);
/// people of two governments named together ("X and Y said"): unnamed, described (a joint statement); else
/// a person named in it who is not a complement ("a spokesman for X", "adviser to X") or a possessor ("X's aide");
/// two or more governments and no organization (a joint statement of the US and Iraq): unnamed, described;
/// an organization named in it: the organization when the phrase is the organization, a statement of it or the issuer
/// of a statement ("the SPA statement", "leaders of the CIFG"), but unnamed for a person of it ("a Coalition member",
/// "a State Department official"); a statement named by the first word of an organization of the document ("an
/// Emirates statement" beside "Emirates Group"); a statement of one government: unnamed; another statement
/// (<see cref="DocumentNounResolver"/>); a form of address ("His Excellency"): as he/she; a definite description with a
/// title head ("the minister", "the Jordanian minister":
/// <see cref="DescriptionResolver"/>); any other short phrase: an unnamed speaker so described.
/// Null when the phrase is no speaker at all.
/// </summary>
public sealed class SpeakerResolver
{
    private readonly QuoteSieveContext _context;
    private readonly PronounResolver _pronouns;
    private readonly DescriptionResolver _descriptions;
    private readonly DocumentNounResolver _documents;

    public SpeakerResolver(QuoteSieveContext context)
    {
        _context = context;
        _documents = new DocumentNounResolver(context);
        _pronouns = new PronounResolver(context, _documents);
        _descriptions = new DescriptionResolver(context.Document);
    }

    private AnnotatedDocument Document => _context.Document;

    private WordSets Sets => Document.Knowledge.Sets;

    /// <summary>The speaker the phrase <paramref name="phrase"/> names for quotation <paramref name="quote"/>; <paramref name="mode"/> "statement": the phrase issued a statement.</summary>
    public SpeakerRef? Resolve(TokenRange phrase, int quote, string? mode = null)
    {
        var tokens = Document.Tokens;
        var from = phrase.Start;
        var to = phrase.End;
        while (from < to && (tokens[from].Kind == TokenKind.Punct || tokens[from].Norm == "and"))
        {
            from++;
        }

        while (to > from && (tokens[to - 1].Kind == TokenKind.Punct || Sets.Has("verb_preludes", tokens[to - 1].Norm)))
        {
            to--;
        }

        if (from >= to)
        {
            return null;
        }

        var first = tokens[from].Norm;
        if (to - from == 1 && Sets.Has("person_pronouns", first))
        {
            return _pronouns.Person(quote, from) is { } name ? new SpeakerRef(name, null) : null;
        }

        // "His Excellency affirmed …": a form of address (a his/her courtesy of ranks.tsv) stands for a person, as he/she does.
        if (to - from >= 2 && Sets.Has("person_pronouns", first) && Document.Knowledge.Ranks.Longest(tokens, from, to).End == to)
        {
            return _pronouns.Person(quote, from) is { } addressed ? new SpeakerRef(addressed, null) : null;
        }

        if (to - from == 1 && Sets.Has("issuer_pronouns", first))
        {
            return _pronouns.Issuer(quote, from);
        }

        var text = Document.TokenRangeText(from, to);
        var documentNoun = FirstOfSet(from, to, "document_nouns");
        if (GovernmentsOfPeople(from, to) >= 2)
        {
            // Two people of two governments speaking together: a joint statement of the governments.
            return new SpeakerRef(null, text);
        }

        if (SpeakingPerson(from, to, documentNoun) is { } person)
        {
            return new SpeakerRef(person.Name, documentNoun >= 0 ? text : null);
        }

        var orgs = Document.Entities.Where(e => e.TokenStart >= from && e.TokenEnd <= to && IsOrganization(e)).ToList();
        var countries = Document.Entities.Where(e => e.TokenStart >= from && e.TokenEnd <= to && e.CountryRef is not null)
            .Select(e => e.CountryRef).Distinct(StringComparer.Ordinal).Count();
        if (countries >= 2 && orgs.Count == 0)
        {
            return new SpeakerRef(null, text);
        }

        var indefinite = Sets.Has("indefinite_determiners", first);
        if (orgs.Count > 0)
        {
            var org = orgs[0];
            var bare = OnlyOrganization(from, to, org);
            if (documentNoun >= 0 || mode == "statement" || !(indefinite || HasSourceNoun(from, to)))
            {
                return new SpeakerRef(org.Entry.Canonical, bare ? null : text);
            }

            return new SpeakerRef(null, text);
        }

        if (documentNoun >= 0)
        {
            if (ShortOrganizationName(from, documentNoun) is { } shortName)
            {
                return new SpeakerRef(shortName, text);
            }

            return countries > 0 ? new SpeakerRef(null, text) : _documents.Issuer(documentNoun, quote, text, !indefinite);
        }

        // "the Minister stressed": the sieve's phrase may start at the title, after its article.
        var determined = Sets.Has("speaker_determiners", first) || (from > 0 && tokens[from - 1].Norm == "the");
        if (!indefinite && determined && LastTitle(from, to) is { } described)
        {
            var head = tokens[described.Head].Norm;
            return _descriptions.Person(head, described.Country, from) is { } name
                ? new SpeakerRef(name, null)
                : new SpeakerRef(null, _descriptions.EarlierDescription(head, from) ?? text);
        }

        return to - from <= 8 && tokens[from].IsWord ? new SpeakerRef(null, text) : null;
    }

    /// <summary>How many countries the people named together in the phrase ("X and Y") stand for.</summary>
    private int GovernmentsOfPeople(int from, int to)
    {
        var people = Document.PersonMentions.Where(m => m.TokenStart >= from && m.TokenEnd <= to).Select(m => m.Person).Distinct().ToList();
        if (people.Count < 2 || !Enumerable.Range(from, to - from).Any(i => Document.Tokens[i].Norm == "and"))
        {
            return 0;
        }

        return people.Select(p => p.Country).OfType<string>().Distinct(StringComparer.Ordinal).Count();
    }

    private static bool IsOrganization(EntityMention e) => e.Entry.Kind == EntityKind.Organization && e.Confirmed && !e.Nested;

    /// <summary>The first person named in the phrase who speaks: not after a complement preposition, not a possessor.</summary>
    private PersonEntity? SpeakingPerson(int from, int to, int documentNoun)
    {
        var tokens = Document.Tokens;
        foreach (var m in Document.PersonMentions)
        {
            if (m.TokenStart < from || m.TokenEnd > to)
            {
                continue;
            }

            if (m.TokenEnd + 1 < to && tokens[m.TokenEnd].Norm == "'" && tokens[m.TokenEnd + 1].Norm == "s")
            {
                continue;
            }

            var start = m.TokenStart;
            if (m.TitleBefore is { } title && title.TokenStart >= from && title.TokenStart < start)
            {
                start = title.TokenStart;
            }

            if (m.RankStart >= from && m.RankStart < start)
            {
                start = m.RankStart;
            }

            var before = start - 1;
            if (before >= from && Sets.Has("complement_prepositions", tokens[before].Norm) && !(documentNoun >= 0 && documentNoun < before))
            {
                continue;
            }

            return m.Person;
        }

        return null;
    }

    /// <summary>Does the phrase consist of the organization's name and determiners or possessive marks only?</summary>
    private bool OnlyOrganization(int from, int to, EntityMention org)
    {
        var tokens = Document.Tokens;
        for (var i = from; i < to; i++)
        {
            if (i >= org.TokenStart && i < org.TokenEnd)
            {
                continue;
            }

            if (!(tokens[i].Kind == TokenKind.Punct || Sets.Has("speaker_determiners", tokens[i].Norm)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"an Emirates statement" when the document names "Emirates Group": the capitalized words before the noun, as written.</summary>
    private string? ShortOrganizationName(int from, int documentNoun)
    {
        var tokens = Document.Tokens;
        var start = from;
        while (start < documentNoun && !tokens[start].IsCapitalized(Document.Text))
        {
            start++;
        }

        if (start >= documentNoun)
        {
            return null;
        }

        for (var i = start; i < documentNoun; i++)
        {
            if (!tokens[i].IsCapitalized(Document.Text))
            {
                return null;
            }
        }

        var n = documentNoun - start;
        foreach (var e in Document.Entities)
        {
            if (!IsOrganization(e) || e.TokenEnd - e.TokenStart <= n)
            {
                continue;
            }

            var same = true;
            for (var k = 0; k < n && same; k++)
            {
                same = tokens[e.TokenStart + k].Norm == tokens[start + k].Norm;
            }

            if (same)
            {
                return Document.TokenRangeText(start, documentNoun);
            }
        }

        return null;
    }

    private int FirstOfSet(int from, int to, string set)
    {
        for (var i = from; i < to; i++)
        {
            if (Sets.Has(set, Document.Tokens[i].Norm))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A title phrase or a source noun in the phrase: it names a person of an organization, not the organization.</summary>
    private bool HasSourceNoun(int from, int to) =>
        FirstOfSet(from, to, "source_nouns") >= 0 || Document.Titles.Any(t => t.TokenStart >= from && t.TokenEnd <= to && !t.Relational);

    /// <summary>The last title phrase in the phrase (the minister, the Jordanian minister, the envoy), or null.</summary>
    private TitleMention? LastTitle(int from, int to)
    {
        TitleMention? last = null;
        foreach (var t in Document.Titles)
        {
            if (t.TokenStart >= from && t.TokenEnd <= to && !t.Relational && !t.Plural)
            {
                last = t;
            }
        }

        return last;
    }
}
