using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Places, regions and organizations by longest match of the token trie (one walk per token, not one
/// pattern per name), with the case each entry demands. Decides which mentions refer to a country:
/// names, abbreviations and demonyms do; a capital does when it acts for its government (Doha's support,
/// Washington imposed). Weak organization aliases (a bare "coalition") are confirmed later by context
/// (<see cref="CoalitionReferencesComponent"/>); organizations not in the gazetteer are found by pattern
/// (<see cref="OrganizationsComponent"/>).
/// </summary>
public sealed class GazetteerComponent : IPipelineComponent
{
    private static readonly HashSet<string> NotGovernmentFollowers = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "for", "to", "and", "or", "of", "the", "a", "an", "with", "from", "based", "by", "as", "into",
        "where", "which", "that", "who", "is", "was", "city", "province", "governorate", "area", "region", "time", "-", "'",
    };

    public string Name => "gazetteer";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Entities];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var tokens = document.Tokens;
        var kb = document.Knowledge;
        Func<GazetteerEntry, int, int, bool> caseMatches = (e, s, en) => CaseMatches(document, e, s, en);
        foreach (var p in document.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = p.TokenStart; i < p.TokenEnd; i++)
            {
                if (!tokens[i].IsWord && !tokens[i].IsNumber)
                {
                    continue;
                }

                var (end, entry) = kb.Gazetteer.Longest(tokens, i, p.TokenEnd, caseMatches);
                if (end < 0 || entry is null)
                {
                    continue;
                }

                var mention = new EntityMention(i, end, tokens[i].Start, tokens[end - 1].End, entry, document.TokenSentence[i]);
                mention.CountryRef = CountryRefOf(document, mention);
                document.Entities.Add(mention);
                if (entry.Kind == EntityKind.Organization && end - i > 1)
                {
                    AddNestedCountries(document, i, end);
                }

                i = end - 1;
            }
        }

        document.Entities.Sort((a, b) => a.TokenStart.CompareTo(b.TokenStart));
    }

    /// <summary>Countries named inside an organization's name (U.S. State Department, Qatar News Agency).</summary>
    private static void AddNestedCountries(AnnotatedDocument document, int start, int end)
    {
        var tokens = document.Tokens;
        var kb = document.Knowledge;
        for (var k = start; k < end; k++)
        {
            var (e, entry) = kb.Gazetteer.Longest(tokens, k, end, (en, s, x) => en.Kind is EntityKind.Country or EntityKind.CountryAbbreviation or EntityKind.Demonym && CaseMatches(document, en, s, x));
            if (e < 0 || entry is null)
            {
                continue;
            }

            var nested = new EntityMention(k, e, tokens[k].Start, tokens[e - 1].End, entry, document.TokenSentence[k]) { CountryRef = entry.Country };
            document.Entities.Add(nested);
            k = e - 1;
        }
    }

    private static bool CaseMatches(AnnotatedDocument document, GazetteerEntry entry, int start, int end)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        switch (entry.Mode)
        {
            case CaseMode.Any:
                return true;
            case CaseMode.Capitalized:
                return char.IsUpper(text[tokens[start].Start]);
            default:
                // A two-letter acronym (IS, UN, US) inside an ALL CAPS line is a word ("THIS IS IT").
                if (entry.Surface.Length <= 2 && InAllCapsLine(document, start))
                {
                    return false;
                }

                var k = 0;
                var surface = entry.Surface;
                for (var t = start; t < end; t++)
                {
                    while (k < surface.Length && surface[k] == ' ')
                    {
                        k++;
                    }

                    var span = tokens[t].Span(text);
                    if (k + span.Length > surface.Length)
                    {
                        return false;
                    }

                    for (var c = 0; c < span.Length; c++)
                    {
                        var a = span[c];
                        var b = surface[k + c];
                        if (a != b && !(Tokenizer.IsApostrophe(a) && Tokenizer.IsApostrophe(b)))
                        {
                            return false;
                        }
                    }

                    k += span.Length;
                }

                return true;
        }
    }

    private static bool InAllCapsLine(AnnotatedDocument document, int token)
    {
        var s = document.Sentences[document.TokenSentence[token]];
        int words = 0, caps = 0;
        for (var k = s.TokenStart; k < s.TokenEnd; k++)
        {
            var t = document.Tokens[k];
            if (t.IsWord && t.Length > 1)
            {
                words++;
                if (t.IsAllCaps(document.Text))
                {
                    caps++;
                }
            }
        }

        return words >= 3 && caps * 10 >= words * 6;
    }

    private static string? CountryRefOf(AnnotatedDocument document, EntityMention m)
    {
        switch (m.Entry.Kind)
        {
            case EntityKind.Country:
            case EntityKind.CountryAbbreviation:
            case EntityKind.Demonym:
                return m.Entry.Country;
            case EntityKind.Capital:
                var tokens = document.Tokens;
                if (m.TokenStart > 0 && tokens[m.TokenStart - 1].Norm is "in" or "at" or "from" or "to" or "near" or "outside" or "across" or "into" or "via")
                {
                    return null;
                }

                var next = m.TokenEnd;
                var sentence = document.Sentences[m.Sentence];
                if (next >= sentence.TokenEnd)
                {
                    return null;
                }

                if (tokens[next].Norm == "'" && next + 1 < sentence.TokenEnd && tokens[next + 1].Norm == "s")
                {
                    return m.Entry.Country;
                }

                var t = tokens[next];
                return t.IsWord && t.IsLower(document.Text) && !NotGovernmentFollowers.Contains(t.Norm) ? m.Entry.Country : null;
            default:
                return null;
        }
    }
}
