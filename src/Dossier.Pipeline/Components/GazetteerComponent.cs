using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Places, regions and organizations by longest match of the token trie (one walk per token, not one
/// pattern per name), with the case each entry demands. Decides which mentions refer to a country:
/// names, abbreviations and demonyms do; a capital does when it acts for its government (Doha's support,
/// Washington imposed). Weak organization aliases (a bare "coalition") are confirmed by context.
/// Organizations not in the gazetteer are found by pattern around a head word (… Center for …).
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
        foreach (var p in document.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = p.TokenStart; i < p.TokenEnd; i++)
            {
                if (!tokens[i].IsWord && !tokens[i].IsNumber)
                {
                    continue;
                }

                var (end, entry) = kb.Gazetteer.Longest(tokens, i, p.TokenEnd, (e, s, en) => CaseMatches(document, e, s, en));
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

        FindPatternOrganizations(document);
        document.Entities.Sort((a, b) => a.TokenStart.CompareTo(b.TokenStart));
        ConfirmWeakAliases(document);
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

    private static void FindPatternOrganizations(AnnotatedDocument document)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var kb = document.Knowledge;
        var covered = new bool[tokens.Count];
        foreach (var e in document.Entities)
        {
            if (e.Entry.Kind is EntityKind.Organization)
            {
                for (var k = e.TokenStart; k < e.TokenEnd; k++)
                {
                    covered[k] = true;
                }
            }
        }

        foreach (var s in document.Sentences)
        {
            for (var h = s.TokenStart; h < s.TokenEnd; h++)
            {
                var head = tokens[h];
                if (!head.IsWord || covered[h] || !head.IsCapitalized(text) || !kb.OrganizationHeads.Contains(head.Norm))
                {
                    continue;
                }

                var start = h;
                while (start - 1 >= s.TokenStart && IsNameWord(document, start - 1) && !covered[start - 1])
                {
                    start--;
                }

                if (start < h && tokens[start].Norm is "the" or "a" or "an" or "this")
                {
                    start++;
                }

                var end = h + 1;
                while (end < s.TokenEnd)
                {
                    var t = tokens[end];
                    if (IsNameWord(document, end) && !covered[end])
                    {
                        end++;
                    }
                    else if (t.Norm == "-" && end + 1 < s.TokenEnd && IsNameWord(document, end + 1) && t.Start == tokens[end - 1].End)
                    {
                        end += 2;
                    }
                    else if (t.Norm is "for" or "of" or "on" or "and" && end + 1 < s.TokenEnd)
                    {
                        var k = end + 1;
                        if (tokens[k].Norm == "the" && k + 1 < s.TokenEnd)
                        {
                            k++;
                        }

                        if (IsNameWord(document, k) && !covered[k])
                        {
                            end = k + 1;
                        }
                        else
                        {
                            break;
                        }
                    }
                    else
                    {
                        break;
                    }
                }

                var words = 0;
                for (var k = start; k < end; k++)
                {
                    if (tokens[k].IsWord)
                    {
                        words++;
                    }
                }

                if (words < 2)
                {
                    h = end - 1;
                    continue;
                }

                var name = document.TokenRangeText(start, end);
                var entry = new GazetteerEntry(EntityKind.Organization, "pattern:" + Tokenizer.NormalizePhrase(name), name, null, CaseMode.Capitalized, name, false, "pattern");
                document.Entities.Add(new EntityMention(start, end, tokens[start].Start, tokens[end - 1].End, entry, s.Index));
                for (var k = start; k < end; k++)
                {
                    covered[k] = true;
                }

                h = end - 1;
            }
        }
    }

    private static bool IsNameWord(AnnotatedDocument document, int i)
    {
        var t = document.Tokens[i];
        return t.IsWord && t.IsCapitalized(document.Text) && !document.Knowledge.Calendar.ContainsKey(t.Norm) && t.Norm is not ("the" or "a" or "an" or "this" or "in" or "on" or "at");
    }

    private static void ConfirmWeakAliases(AnnotatedDocument document)
    {
        var strong = new HashSet<string>(StringComparer.Ordinal);
        var isisSentences = new HashSet<int>();
        foreach (var e in document.Entities)
        {
            if (e.Entry.Kind != EntityKind.Organization)
            {
                continue;
            }

            if (!e.Entry.Weak)
            {
                strong.Add(e.Entry.Id);
            }

            if (e.Entry.OrgKind == "armed" && e.Entry.Id.StartsWith("is", StringComparison.Ordinal))
            {
                isisSentences.Add(e.Sentence);
            }
        }

        // Another coalition named (the Saudi-led coalition in Yemen, the Islamic Military Counter Terrorism
        // Coalition) and no full name of the Global Coalition: a bare "coalition" is that other one.
        var otherCoalition = document.Entities.Any(e => e.Entry.OrgKind == "othercoalition");
        foreach (var e in document.Entities)
        {
            if (e.Entry.Weak)
            {
                e.Confirmed = strong.Contains(e.Entry.Id) || (!otherCoalition && isisSentences.Contains(e.Sentence));
            }
        }
    }
}
