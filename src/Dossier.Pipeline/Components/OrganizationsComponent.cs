using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Organizations the gazetteer's table does not know, and what links organization names to each other:
/// (1) names found by the patterns of <c>patterns/organizations</c> around a head word (<c>sets/org_heads</c>:
/// Quds Force, Fatah Alliance, Ministry of Foreign Affairs, African Cooperation and Moroccan Expatriates, the Italian
/// foreign ministry); a pattern name that contains a table name at its start replaces it (United Nations Office for
/// Counter-Terrorism …), one that ends in a table name gives way to it (… Coalition Small Group);
/// (2) coordinated bodies: "the Communications and Stabilisation Working Groups" are two working groups;
/// (3) an acronym or short name defined in parentheses after a name ("… International Cooperation (MoFAIC)",
/// "… Extremist Ideology (Etidal)") is an alias, and its later uses are mentions of the same organization; a name found
/// by pattern before an acronym the table knows ("… High Commissioner for Refugees (UNHCR)") is that organization;
/// (4) an organization named inside another's name is mentioned too (Daesh in "Global Coalition against Daesh").
/// </summary>
public sealed class OrganizationsComponent : IPipelineComponent
{
    public string Name => "organizations";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Organizations];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        document.Layers.Set("orgword", OrgWords(document));
        var added = new List<EntityMention>();
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var headline = LineShape.IsTitleCaseHeadline(document, document.Paragraphs[s.Paragraph]);
            foreach (var m in document.Match("organizations", s.TokenStart, s.TokenEnd))
            {
                var (start, end) = m["name"] is { } name ? (name.Start, name.End) : (m.Start, m.End);
                if (m.Label == "org" && !headline && (m.Pattern["demonym_name"] == "yes" || !OnlyCountryWords(document, s, start, end))
                    && PatternOrganization(document, s, start, end) is { } org)
                {
                    added.Add(org);
                }
                else if (m.Label == "alias" && m["org"] is { } at && m.Pattern["id_of"] is { } id && document.Knowledge.OrganizationEntry(id) is { } entry)
                {
                    added.Add(new EntityMention(at.Start, at.End, document.Tokens[at.Start].Start, document.Tokens[at.End - 1].End, entry, s.Index));
                }
            }

            added.AddRange(CoordinatedBodies(document, s));
        }

        document.Entities.AddRange(added);
        document.Entities.Sort((a, b) => a.TokenStart != b.TokenStart ? a.TokenStart.CompareTo(b.TokenStart) : b.TokenEnd.CompareTo(a.TokenEnd));
        DefinedAcronyms(document);
        NestedOrganizations(document);
        document.Entities.Sort((a, b) => a.TokenStart != b.TokenStart ? a.TokenStart.CompareTo(b.TokenStart) : b.TokenEnd.CompareTo(a.TokenEnd));
    }

    /// <summary>Capitalized words and hyphenated compounds (Counter-Terrorism, al-Haq, U.S.) as single units.</summary>
    private static List<TokenRange> OrgWords(AnnotatedDocument document)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var kb = document.Knowledge;
        var result = new List<TokenRange>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            // Cheap tests first: most tokens are lower-case words that are not a particle before a hyphen ("al-Haq").
            if (!t.IsWord || (!t.IsCapitalized(text) && !(i + 2 < tokens.Count && tokens[i + 1].Norm == "-" && tokens[i + 2].IsCapitalized(text) && kb.Particles.Contains(t.Norm)))
                || kb.Calendar.ContainsKey(t.Norm) || kb.NumberWords.ContainsKey(t.Norm))
            {
                continue;
            }

            var end = i + 1;
            while (end + 1 < tokens.Count && tokens[end].Norm == "-" && tokens[end].Start == tokens[end - 1].End && tokens[end + 1].Start == tokens[end].End && tokens[end + 1].IsWord)
            {
                end += 2;
            }

            result.Add(new TokenRange(i, end));
            i = end - 1;
        }

        return result;
    }

    private static EntityMention? PatternOrganization(AnnotatedDocument document, Segment s, int start, int end)
    {
        var tokens = document.Tokens;
        while (end > start + 1 && tokens[end - 1].Norm is "and" or "&" or "of" or "for" or "the" or "in" or "on" or ",")
        {
            end--;
        }

        var contained = new List<EntityMention>();
        foreach (var e in document.EntitiesIn(s.Index))
        {
            if (e.Entry.Kind is not EntityKind.Organization)
            {
                continue;
            }

            if (e.Entry.Weak && e.TokenStart > start && e.TokenEnd <= end)
            {
                // A weak alias inside a longer name (State of Law Coalition, Fatah Alliance) is part of that name.
                contained.Add(e);
                continue;
            }

            if (e.TokenStart <= start && end <= e.TokenEnd)
            {
                return null; // the table knows it (or a longer name)
            }

            if (e.Entry.Weak && e.TokenStart == start)
            {
                return null; // "the Coalition for Morocco": a bare weak alias does not start a name
            }

            var overlaps = e.TokenStart < end && start < e.TokenEnd;
            if (overlaps && (e.TokenStart < start || e.TokenEnd > end))
            {
                return null; // crosses a known name
            }

            if (overlaps)
            {
                if (e.TokenEnd == end && !IsComplement(tokens, start, e.TokenStart))
                {
                    return null; // … Coalition Small Group: the known body is the name
                }

                contained.Add(e);
            }
        }

        foreach (var e in contained)
        {
            document.Entities.Remove(e);
        }

        var name = Display(document, start, end);
        var entry = new GazetteerEntry(EntityKind.Organization, "pattern:" + Tokenizer.NormalizePhrase(name), name, null, CaseMode.Capitalized, name, false, "pattern");
        return new EntityMention(start, end, tokens[start].Start, tokens[end - 1].End, entry, s.Index);
    }

    /// <summary>A known name after of/for/on/against (and "the") inside a longer name is its complement, not its head (Office of the Special Envoy for the Global Coalition).</summary>
    private static bool IsComplement(List<Token> tokens, int start, int known)
    {
        var k = known - 1;
        if (k > start && tokens[k].Norm == "the")
        {
            k--;
        }

        return k > start && tokens[k].Norm is "of" or "for" or "on" or "against";
    }

    /// <summary>
    /// True when every capitalized word of <c>[start, end)</c> lies in a country mention (a name, a demonym): "Dutch
    /// coalition", "Iraqi government" are a state's, not an organization's name.
    /// </summary>
    private static bool OnlyCountryWords(AnnotatedDocument document, Segment s, int start, int end)
    {
        var sentence = document.EntitiesIn(s.Index);
        for (var t = start; t < end; t++)
        {
            if (document.Tokens[t].IsWord && document.Tokens[t].IsCapitalized(document.Text) && !InCountry(sentence, t))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InCountry(IEnumerable<EntityMention> sentence, int token)
    {
        foreach (var e in sentence)
        {
            if (e.Entry.Kind is EntityKind.Country or EntityKind.Demonym or EntityKind.CountryAbbreviation && e.TokenStart <= token && token < e.TokenEnd)
            {
                return true;
            }
        }

        return false;
    }

    private static string Display(AnnotatedDocument document, int start, int end) =>
        string.Join(' ', document.TokenRangeText(start, end).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// "the Communications and Stabilisation Working Groups", "the Communications, Finance, and Foreign Terrorist Fighters
    /// Working Groups": each conjunct with the head made singular is a body — the table's when it knows the name.
    /// </summary>
    private static IEnumerable<EntityMention> CoordinatedBodies(AnnotatedDocument document, Segment s)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        for (var h = s.TokenStart + 3; h < s.TokenEnd; h++)
        {
            var head = tokens[h];
            if (!head.IsWord || !head.IsCapitalized(text) || !head.Norm.EndsWith('s') || !document.Knowledge.Sets.Has("org_heads", head.Norm[..^1]))
            {
                continue;
            }

            // The head may be two words: Working Groups.
            var headStart = h;
            if (tokens[h - 1].IsCapitalized(text) && tokens[h - 1].Norm is "working" or "focus" or "steering" or "advisory" or "expert")
            {
                headStart = h - 1;
            }

            var conjuncts = new List<(int Start, int End)>();
            var k = headStart;
            var sawAnd = false;
            while (k > s.TokenStart)
            {
                var e = k;
                while (k > s.TokenStart && (tokens[k - 1].IsCapitalized(text) || (tokens[k - 1].Norm == "-" && k - 2 >= s.TokenStart)))
                {
                    k--;
                }

                if (k == e)
                {
                    break;
                }

                conjuncts.Insert(0, (k, e));
                if (k - 1 >= s.TokenStart && tokens[k - 1].Norm == "and")
                {
                    sawAnd = true;
                    k--;
                    if (k - 1 >= s.TokenStart && tokens[k - 1].Norm == ",")
                    {
                        k--;
                    }
                }
                else if (sawAnd && k - 1 >= s.TokenStart && tokens[k - 1].Norm == ",")
                {
                    k--;
                }
                else
                {
                    break;
                }
            }

            if (!sawAnd || conjuncts.Count < 2)
            {
                continue;
            }

            var headText = document.TokenRangeText(headStart, h) + (headStart < h ? " " : "") + head.Text(text)[..^1];
            foreach (var (cs, ce) in conjuncts)
            {
                var name = Display(document, cs, ce) + " " + headText.Trim();
                var entry = document.Knowledge.Gazetteer.TryGet(name, out var known) && known is { Kind: EntityKind.Organization }
                    ? known
                    : new GazetteerEntry(EntityKind.Organization, "pattern:" + Tokenizer.NormalizePhrase(name), name, null, CaseMode.Capitalized, name, false, "pattern");
                document.Entities.RemoveAll(x => x.TokenStart >= cs && x.TokenEnd <= ce && x.Entry.Kind is EntityKind.Organization);
                yield return new EntityMention(cs, ce, tokens[cs].Start, tokens[ce - 1].End, entry, s.Index);
            }

            h = h + 1;
        }
    }

    /// <summary>"Name (ACRONYM)": the acronym is an alias, and its other uses (exact case) mention the same organization.</summary>
    private static void DefinedAcronyms(AnnotatedDocument document)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var defined = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var e in document.Entities.ToList())
        {
            var k = e.TokenEnd;
            if (e.Entry.Kind is not EntityKind.Organization || k + 2 >= tokens.Count || tokens[k].Norm != "(" || tokens[k + 2].Norm != ")" || !tokens[k + 1].IsWord)
            {
                continue;
            }

            var acronym = tokens[k + 1].Text(text);
            if (document.Entities.FirstOrDefault(x => x.TokenStart == k + 1 && x.TokenEnd == k + 2 && x.Entry.Kind is EntityKind.Organization && x.Entry.OrgKind != "pattern") is { } known)
            {
                // A name found by pattern before the table's acronym ("Office of the … for Refugees (UNHCR)") is that organization's long name.
                if (e.Entry.OrgKind == "pattern")
                {
                    document.Entities[document.Entities.IndexOf(e)] = new EntityMention(e.TokenStart, e.TokenEnd, e.Start, e.End, known.Entry, e.Sentence);
                }

                continue;
            }

            if (!char.IsUpper(acronym[0]) || acronym.Length < 2 || document.Entities.Any(x => x.TokenStart == k + 1))
            {
                continue;
            }

            defined.TryAdd(acronym, e.Entry);
        }

        if (defined.Count == 0)
        {
            return;
        }

        var taken = new HashSet<int>(document.Entities.SelectMany(e => Enumerable.Range(e.TokenStart, e.TokenEnd - e.TokenStart)));
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsWord && !taken.Contains(i) && defined.TryGetValue(tokens[i].Text(text), out var entry))
            {
                document.Entities.Add(new EntityMention(i, i + 1, tokens[i].Start, tokens[i].End, entry, document.TokenSentence[i]));
            }
        }
    }

    /// <summary>An organization named inside another's name (Daesh in "Global Coalition against Daesh") is mentioned too.</summary>
    private static void NestedOrganizations(AnnotatedDocument document)
    {
        var tokens = document.Tokens;
        var kb = document.Knowledge;
        var nested = new List<EntityMention>();
        foreach (var e in document.Entities)
        {
            if (e.Entry.Kind is not EntityKind.Organization || e.TokenEnd - e.TokenStart < 3)
            {
                continue;
            }

            for (var k = e.TokenStart + 1; k < e.TokenEnd; k++)
            {
                var (end, inner) = kb.Gazetteer.Longest(tokens, k, e.TokenEnd, (x, st, en) => x.Kind is EntityKind.Organization && !x.Weak && x.Id != e.Entry.Id && x.Mode != CaseMode.Any
                    && (x.Mode != CaseMode.Exact || document.Text.AsSpan(tokens[st].Start, tokens[en - 1].End - tokens[st].Start).SequenceEqual(x.Surface)));
                if (end > k && inner is { OrgKind: "armed" })
                {
                    nested.Add(new EntityMention(k, end, tokens[k].Start, tokens[end - 1].End, inner, e.Sentence) { Nested = true });
                    k = end - 1;
                }
            }
        }

        document.Entities.AddRange(nested);
    }
}
