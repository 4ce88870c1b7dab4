using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.People;

/// <summary>
/// A person's title and country. The title is the office phrase next to one of the person's mentions (before it, or
/// in apposition after it), as worded in the text — its country, demonym or possessive kept (U.S. Secretary of State,
/// Syria's President) — taken from the first mention outside a headline, full names before surnames; a relational
/// word (counterpart) is never a title; a plural title before a list of names is made singular (Defence Ministers A,
/// B → Defence Minister); a rank that belongs in the title is added (National Security Adviser, Major-General).
/// The country is the one a title of the person names (US special envoy, Saudi counterpart, Iraq's Foreign Minister,
/// State Department spokesperson), a possessive right before the name (Oman's Salaah Al Yahyaei), or one of the
/// constructions of <c>patterns/person_country</c> (X and other US officials; Togo was represented by its Minister,
/// X); never merely the nearest country in the sentence. When the text gives none, a country already set (a well-known
/// official's, by known-people) stays.
/// </summary>
public sealed class PersonAttributesComponent : IPipelineComponent
{
    public string Name => "person-attributes";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.People, Layers.Titles];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.PersonAttributes];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var fromPatterns = CountriesFromPatterns(document);
        var titles = new TitleIndex(document.Titles);
        foreach (var person in document.People)
        {
            cancellationToken.ThrowIfCancellationRequested();
            person.Title = Title(document, person);
            person.Country = Country(document, person, fromPatterns, titles) ?? person.Country;
        }

        ShareOfficeCountries(document);
        if (DominantCountry(document) is { } dominant)
        {
            foreach (var person in document.People)
            {
                if (person.Country is null && person.Title is not null && !HasCounterpartOf(person, dominant, titles) && !IsRelated(person, titles))
                {
                    person.Country = dominant;
                }
            }
        }
    }

    private static string? Title(AnnotatedDocument document, PersonEntity person)
    {
        PersonMention? chosen = null;
        TitleMention? title = null;
        var chosenScore = -1;
        foreach (var m in person.Mentions)
        {
            var t = m.TitleBefore is { Relational: false } before ? before : m.TitleAfter is { Relational: false } after ? after : null;

            // "Minister Jean Roy, Minister for Europe and Foreign Affairs": the office in apposition says more than a bare head.
            if (t == m.TitleBefore && m.TitleAfter is { Relational: false } fuller && t is not null && t.TokenEnd - t.TokenStart == 1)
            {
                t = fuller;
            }
            if (t is null && m.Rank is not { InTitle: true })
            {
                continue;
            }

            var headline = IsHeadline(document, m);
            var full = m.TokenEnd - m.TokenStart > 1;
            var score = (headline ? 0 : 4) + (full ? 2 : 0) + (t is not null ? 1 : 0);
            if (score > chosenScore)
            {
                chosen = m;
                title = t;
                chosenScore = score;
            }
        }

        if (chosen is null)
        {
            return null;
        }

        var text = title is null ? null : TitleText(document, title);
        if (chosen.Rank is { InTitle: true } rank && !(text ?? "").EndsWith(rank.Normal, StringComparison.OrdinalIgnoreCase))
        {
            text = text is null ? rank.Normal : text + ", " + rank.Normal;
        }

        return text;
    }

    private static bool IsHeadline(AnnotatedDocument document, PersonMention m)
    {
        var p = document.Paragraphs[document.Sentences[m.Sentence].Paragraph];
        return p.TokenEnd - p.TokenStart <= 20 && document.Tokens[p.TokenEnd - 1].Norm is not ("." or "!" or "?" or "\"");
    }

    /// <summary>The title as written; a plural head made singular (Defence Ministers → Defence Minister).</summary>
    public static string TitleText(AnnotatedDocument document, TitleMention t)
    {
        var tokens = document.Tokens;
        var text = document.TokenRangeText(t.TokenStart, t.TokenEnd);
        if (!t.Plural)
        {
            return text;
        }

        var head = tokens[t.Head];
        var word = head.Text(document.Text);
        var singular = word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word[..^1];
        var offset = head.Start - tokens[t.TokenStart].Start;
        return text[..offset] + singular + text[(offset + word.Length)..];
    }

    private static string? Country(AnnotatedDocument document, PersonEntity person, Dictionary<PersonEntity, string> fromPatterns, TitleIndex titles)
    {
        foreach (var m in person.Mentions)
        {
            if ((m.TitleBefore?.Country ?? m.TitleAfter?.Country) is { } c)
            {
                return c;
            }
        }

        foreach (var m in person.Mentions)
        {
            if (ApposedTitleCountry(document, m, titles) is { } apposed)
            {
                return apposed;
            }
        }

        foreach (var m in person.Mentions)
        {
            if (PossessiveCountryBefore(document, m.RankStart >= 0 ? m.RankStart : m.TokenStart) is { } c)
            {
                return c;
            }

            if (m.RankStart >= 0 && m.TitleBefore is null && DemonymBefore(document, m.RankStart) is { } d)
            {
                return d;
            }
        }

        if (fromPatterns.GetValueOrDefault(person) is { } patterned)
        {
            return patterned;
        }

        return person.Title is { } title ? OfficeCountry(document, title) : null;
    }

    /// <summary>
    /// The country an article is about, when one clearly is: at least three of its mentions outside boilerplate and
    /// at least 60 % of all country mentions (an Iraqi politics explainer: IQ). Officials the text gives no other
    /// country belong to it; an article about several countries has none.
    /// </summary>
    private static string? DominantCountry(AnnotatedDocument document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var e in document.Entities)
        {
            if (e.CountryRef is null || document.Sentences[e.Sentence].IsBoilerplate)
            {
                continue;
            }

            counts[e.CountryRef] = counts.GetValueOrDefault(e.CountryRef) + 1;
            total++;
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var (code, n) = counts.MaxBy(kv => kv.Value);
        return n >= 3 && n * 10 >= total * 6 ? code : null;
    }

    /// <summary>
    /// "X met her Iraqi counterpart, Y": someone named before a relational title of the country (a counterpart, a
    /// colleague) in the same sentence stands across from that country, not for it.
    /// </summary>
    private static bool HasCounterpartOf(PersonEntity person, string country, TitleIndex titles)
    {
        foreach (var relation in titles.Relational)
        {
            if (relation.Country == country
                && person.Mentions.Any(m => m.Sentence == relation.Sentence && m.TokenEnd <= relation.TokenStart))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "my friend and colleague Minister X", "his counterpart, X": a person named by a relational word stands across
    /// from the speaker, so the article's country is not theirs by default.
    /// </summary>
    private static bool IsRelated(PersonEntity person, TitleIndex titles)
    {
        foreach (var m in person.Mentions)
        {
            var start = m.RankStart >= 0 ? m.RankStart : m.TitleBefore?.TokenStart ?? m.TokenStart;
            if (titles.Relational.Any(t => t.Sentence == m.Sentence && t.TokenEnd <= start && start - t.TokenEnd <= 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An office that belongs to one country by name (… Secretary of State, Foreign Secretary): the end of the title.</summary>
    private static string? OfficeCountry(AnnotatedDocument document, string title)
    {
        var office = Tokenizer.NormalizePhrase(title.Split(',')[0]);
        foreach (var (phrase, code) in document.Knowledge.OfficeCountries)
        {
            if (office == phrase || office.EndsWith(" " + phrase, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>
    /// People who hold, or work in the office of, an office whose holder's country is known share it: "Head, Strategic
    /// Communication, Office of the National Security Adviser" of a Nigerian National Security Adviser.
    /// </summary>
    private static void ShareOfficeCountries(AnnotatedDocument document)
    {
        foreach (var p in document.People)
        {
            if (p.Country is not null || p.Title is null)
            {
                continue;
            }

            var title = Tokenizer.NormalizePhrase(p.Title);
            foreach (var other in document.People)
            {
                if (other.Country is null || other.Title is null || ReferenceEquals(other, p))
                {
                    continue;
                }

                var office = Tokenizer.NormalizePhrase(other.Title.Split(',')[0]);
                if (office.Split(' ').Length >= 2 && title.Contains("office of the " + office, StringComparison.Ordinal))
                {
                    p.Country = other.Country;
                    break;
                }
            }
        }
    }

    /// <summary>"Italy's representative, Minister Plenipotentiary X", "her Iraqi counterpart, Foreign Minister X": the country of a title (or relational word) just before the comma ahead of the name's own title or rank.</summary>
    private static string? ApposedTitleCountry(AnnotatedDocument document, PersonMention m, TitleIndex titles)
    {
        var start = m.TitleBefore is { } own && own.TokenEnd == (m.RankStart >= 0 ? m.RankStart : m.TokenStart) ? own.TokenStart : m.RankStart >= 0 ? m.RankStart : -1;
        if (start < 2 || document.Tokens[start - 1].Norm != ",")
        {
            return null;
        }

        return titles.WithCountryEndingAt.GetValueOrDefault(start - 1) is { } t && t.Sentence == m.Sentence ? t.Country : null;
    }

    /// <summary>The document's titles as the country rules look them up (bounded work on pages with many titles).</summary>
    private sealed class TitleIndex
    {
        public TitleIndex(IEnumerable<TitleMention> titles)
        {
            foreach (var t in titles)
            {
                if (t.Relational)
                {
                    Relational.Add(t);
                }

                if (t.Country is not null)
                {
                    WithCountryEndingAt.TryAdd(t.TokenEnd, t);
                }
            }
        }

        /// <summary>Relational phrases (counterpart, colleague), in text order.</summary>
        public List<TitleMention> Relational { get; } = [];

        /// <summary>The first title naming a country that ends at a token.</summary>
        public Dictionary<int, TitleMention> WithCountryEndingAt { get; } = [];
    }

    /// <summary>"British Brig. Tom Hale", "a French Gen. X": a demonym or country right before the rank.</summary>
    private static string? DemonymBefore(AnnotatedDocument document, int rankStart)
    {
        foreach (var e in document.Entities)
        {
            if (e.TokenEnd == rankStart && e.CountryRef is not null && e.Entry.Kind is EntityKind.Demonym or EntityKind.Country or EntityKind.CountryAbbreviation)
            {
                return e.CountryRef;
            }
        }

        return null;
    }

    /// <summary>"Oman's Salaah Al Yahyaei": a country in the possessive right before the name.</summary>
    private static string? PossessiveCountryBefore(AnnotatedDocument document, int start)
    {
        var tokens = document.Tokens;
        if (start < 3 || tokens[start - 1].Norm != "s" || tokens[start - 2].Norm != "'")
        {
            return null;
        }

        foreach (var e in document.Entities)
        {
            if (e.TokenEnd == start - 2 && e.CountryRef is not null)
            {
                return e.CountryRef;
            }
        }

        return null;
    }

    /// <summary>Does token <paramref name="token"/> open sentence <paramref name="s"/>, or follow a dateline's dash in it?</summary>
    private static bool OpensSentence(AnnotatedDocument document, Segment s, int token)
    {
        if (token == s.TokenStart)
        {
            return true;
        }

        var prev = document.Tokens[token - 1];
        return prev.Norm is "-" or "--" or "\u2013" or "\u2014" && prev.End < document.Tokens[token].Start;
    }

    /// <summary>The people the <c>person_country</c> patterns tie to a country (captures "person" and "country").</summary>
    private static Dictionary<PersonEntity, string> CountriesFromPatterns(AnnotatedDocument document)
    {
        var result = new Dictionary<PersonEntity, string>();
        foreach (var s in document.Sentences)
        {
            foreach (var match in document.Match("person_country", s.TokenStart, s.TokenEnd))
            {
                if (match["person"] is not { } who || match["country"] is not { } where)
                {
                    continue;
                }

                // "anchor": "sentence": the country opens the sentence (after a dateline's dash at most).
                if (match.Pattern["anchor"] == "sentence" && !OpensSentence(document, s, where.Start))
                {
                    continue;
                }

                // "bare_office": "yes": the office names no organization or place of its own (not "UN envoy X").
                if (match.Pattern["bare_office"] == "yes" && match["office"] is { } office
                    && document.Entities.Any(e => e.TokenStart >= office.Start && e.TokenEnd <= office.End))
                {
                    continue;
                }

                var code = document.Entities.FirstOrDefault(e => e.TokenStart == where.Start && e.CountryRef is not null)?.CountryRef;
                var mention = document.PersonMentions.FirstOrDefault(m => m.TokenStart == who.Start);
                if (code is not null && mention is not null)
                {
                    result.TryAdd(mention.Person, code);
                }
            }
        }

        return result;
    }
}
