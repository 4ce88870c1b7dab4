using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.People;

/// <summary>
/// Title and office phrases, built around a head word (<c>sets/title_heads</c>: Minister, Envoy, spokesman …, any case)
/// or a relational word (<c>sets/relational_heads</c>: counterpart, colleague). To the left the phrase takes
/// modifiers (<c>sets/title_modifiers</c>: Deputy, Acting, Foreign), further heads (Secretary General), hyphenated
/// compounds (Prime-Minister), countries, demonyms and possessives (U.S., Saudi, Iraq's) and organizations (State
/// Department spokesperson, Pentagon chief); to the right "of/for/to/on/at [the]" followed by organizations, places
/// and title words (<c>sets/title_complements</c>: Foreign Affairs, Policy Planning Department), coordinations of
/// them (", African Cooperation and Moroccan Expatriates"), a second office ("and Minister of Foreign Affairs") and an
/// acronym in parentheses ("(PPD)"); after a head written in lower case, lower-case title words too ("minister of
/// external relations"). A relational phrase takes the country it is from ("his counterpart from Ghana"). A complement
/// never runs into a name: a word that is not a title word ends it.
/// Sets the <c>title</c> layer.
/// </summary>
public sealed class TitleComponent : IPipelineComponent
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "to", "on", "at" };

    public string Name => "titles";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Titles];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var ctx = new Context(document);
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var previousEnd = s.TokenStart;
            for (var i = s.TokenStart; i < s.TokenEnd; i++)
            {
                var (isHead, plural, relational) = HeadAt(ctx, i);
                if (!isHead)
                {
                    continue;
                }

                var end = ExtendRight(ctx, i, s.TokenEnd, relational);
                var start = ExtendLeft(ctx, i, previousEnd);
                previousEnd = end;
                var title = new TitleMention(start, end, i, s.Index) { Plural = plural, Relational = relational };
                title.Country = CountryIn(ctx, start, end);
                document.Titles.Add(title);
                i = end - 1;
            }
        }

        document.Layers.Set("title", document.Titles.Select(t => new TokenRange(t.TokenStart, t.TokenEnd)));
    }

    private sealed class Context
    {
        public Context(AnnotatedDocument doc)
        {
            Doc = doc;
            var n = doc.Tokens.Count;
            Heads = new byte[n];
            var entities = doc.Entities.ToArray();
            EntityStart = new TokenIndex<EntityMention>(entities, n);
            EntityEnd = new TokenIndex<EntityMention>(entities, n + 1);
            CountryStart = new TokenIndex<EntityMention>(entities, n);
            for (var k = 0; k < entities.Length; k++)
            {
                var e = entities[k];
                if (e.CountryRef is not null && e.Entry.Kind is not EntityKind.Organization)
                {
                    CountryStart.SetIfEmpty(e.TokenStart, k);
                }

                if (EntityStart[e.TokenStart] is not { } longest || longest.TokenEnd < e.TokenEnd)
                {
                    EntityStart.Set(e.TokenStart, k);
                }

                if (EntityEnd[e.TokenEnd] is not { } widest || widest.TokenStart > e.TokenStart)
                {
                    EntityEnd.Set(e.TokenEnd, k);
                }
            }
        }

        public AnnotatedDocument Doc { get; }

        /// <summary><see cref="HeadAt"/> per token once asked: 0 not yet, else 1 | 2 head | 4 plural | 8 relational.</summary>
        public byte[] Heads { get; }

        /// <summary>The longest entity mention starting at a token.</summary>
        public TokenIndex<EntityMention> EntityStart { get; }

        /// <summary>A country, demonym or capital mention starting at a token, also inside a longer name (Iraqi Counter-Terrorism Service).</summary>
        public TokenIndex<EntityMention> CountryStart { get; }

        /// <summary>The longest entity mention ending before a token (index = its end).</summary>
        public TokenIndex<EntityMention> EntityEnd { get; }

        public List<Token> Tokens => Doc.Tokens;
        public WordSets Sets => Doc.Knowledge.Sets;
        public string Text => Doc.Text;
    }

    /// <summary>Is token <paramref name="i"/> a title head (or its plural), or a relational head?</summary>
    private static (bool Head, bool Plural, bool Relational) HeadAt(Context ctx, int i)
    {
        // Asked of a token several times (the scan, then each phrase's extensions): worked out once, kept as flags.
        var known = ctx.Heads[i];
        if (known == 0)
        {
            var (head, plural, relational) = FindHeadAt(ctx, i);
            known = (byte)(1 | (head ? 2 : 0) | (plural ? 4 : 0) | (relational ? 8 : 0));
            ctx.Heads[i] = known;
        }

        return ((known & 2) != 0, (known & 4) != 0, (known & 8) != 0);
    }

    private static (bool Head, bool Plural, bool Relational) FindHeadAt(Context ctx, int i)
    {
        var t = ctx.Tokens[i];
        if (!t.IsWord || InEntity(ctx, i))
        {
            return (false, false, false);
        }

        if (ctx.Doc.InSet("title_heads", i))
        {
            return (true, false, false);
        }

        if (PluralForms.IsPluralOf(ctx.Sets["title_heads"], t.Norm))
        {
            return (true, true, false);
        }

        return ctx.Doc.InSet("relational_heads", i) ? (true, t.Norm.EndsWith('s'), true) : (false, false, false);
    }

    private static bool InEntity(Context ctx, int i)
    {
        for (var k = i; k >= 0 && k > i - 8; k--)
        {
            if (ctx.EntityStart[k] is { } e && e.TokenEnd > i)
            {
                return true;
            }
        }

        return false;
    }

    private static int ExtendLeft(Context ctx, int head, int sentenceStart)
    {
        var tokens = ctx.Tokens;
        var k = head;
        while (k > sentenceStart)
        {
            var prev = tokens[k - 1];

            // Hyphenated compounds: Prime-Minister, Vice-President, Under-Secretary.
            if (prev.Norm == "-" && k - 2 >= sentenceStart && prev.Start == tokens[k - 2].End && prev.End == tokens[k].Start && tokens[k - 2].IsWord)
            {
                k -= 2;
                continue;
            }

            // A country, demonym or organization ending here (U.S., Saudi, Kuwaiti, State Department, Pentagon).
            if (ctx.EntityEnd[k] is { } e && (e.CountryRef is not null || e.Entry.Kind is EntityKind.Organization or EntityKind.Demonym))
            {
                k = e.TokenStart;
                continue;
            }

            // A possessive: Iraq's, the coalition's (after a country or an organization).
            if (prev.IsWord && prev.Norm == "s" && k - 2 >= sentenceStart && tokens[k - 2].Norm == "'" && ctx.EntityEnd[k - 2] is { } owner
                && (owner.CountryRef is not null || owner.Entry.Kind is EntityKind.Organization))
            {
                k = owner.TokenStart;
                continue;
            }

            // The possessive of an office word: the committee's chairman, the ministry's spokesman.
            if (prev.IsWord && prev.Norm == "s" && k - 3 >= sentenceStart && tokens[k - 2].Norm == "'" && tokens[k - 3].IsWord
                && ctx.Doc.InSet("title_complements", k - 3) && ctx.EntityEnd[k - 2] is null)
            {
                k -= 3;
                continue;
            }

            // A plural possessive: the Armed Forces' spokesman.
            if (prev.Norm == "'" && k - 1 > sentenceStart && prev.Start == tokens[k - 2].End && tokens[k - 2].Norm.EndsWith('s') && ctx.EntityEnd[k - 1] is { } owners
                && (owners.CountryRef is not null || owners.Entry.Kind is EntityKind.Organization))
            {
                k = owners.TokenStart;
                continue;
            }

            if (prev.IsWord && (ctx.Doc.InSet("title_modifiers", k - 1) || ctx.Doc.InSet("title_heads", k - 1)))
            {
                k--;
                continue;
            }

            // "Office of the National Security Adviser": an office word of the head's holder.
            var of = prev.Norm == "the" && k - 2 >= sentenceStart && tokens[k - 2].Norm == "of" ? k - 2 : prev.Norm == "of" ? k - 1 : -1;
            if (of > sentenceStart && tokens[of - 1].IsWord && tokens[of - 1].IsCapitalized(ctx.Text) && ctx.Doc.InSet("title_complements", of - 1)
                && !ctx.Doc.InSet("title_heads", of - 1))
            {
                k = of - 1;
                continue;
            }

            break;
        }

        return k;
    }

    private static int ExtendRight(Context ctx, int head, int sentenceEnd, bool relational)
    {
        var tokens = ctx.Tokens;
        var end = head + 1;

        // Secretary-General, Director-General
        while (end + 1 < sentenceEnd && tokens[end].Norm == "-" && tokens[end].Start == tokens[end - 1].End && tokens[end + 1].Start == tokens[end].End && tokens[end + 1].IsWord)
        {
            end += 2;
        }

        if (relational)
        {
            // "his counterpart from Ghana", "my colleague of Peru": the country of the relation.
            var k = end;
            if (k + 1 < sentenceEnd && tokens[k].Norm is "from" or "of")
            {
                k++;
                k += k < sentenceEnd && tokens[k].Norm == "the" ? 1 : 0;
                if (ctx.EntityStart[k] is { CountryRef: not null } country && country.TokenEnd <= sentenceEnd)
                {
                    return country.TokenEnd;
                }
            }

            return end;
        }

        // A head written in lower case takes lower-case complements too: "minister of external relations".
        var lowerHead = tokens[head].IsLower(ctx.Text);

        while (end < sentenceEnd)
        {
            var t = tokens[end];

            // An acronym of the title in parentheses: Special Presidential Envoy (SPE), Department (PPD).
            if (t.Norm == "(" && end + 2 < sentenceEnd && tokens[end + 1].IsWord && tokens[end + 1].IsAllCaps(ctx.Text) && tokens[end + 2].Norm == ")")
            {
                end += 3;
                continue;
            }

            // A second head right after a capitalized one: Minister Plenipotentiary, Minister Counsellor.
            if (end == head + 1 && t.IsWord && t.IsCapitalized(ctx.Text) && tokens[head].IsCapitalized(ctx.Text) && HeadAt(ctx, end) is { Head: true, Relational: false, Plural: false }
                && !(end + 1 < sentenceEnd && tokens[end + 1].IsWord && tokens[end + 1].IsCapitalized(ctx.Text) && HeadAt(ctx, end + 1).Head))
            {
                end++;
                continue;
            }

            // The city of a post, in apposition before a name: "Iraq's ambassador in Stockholm, Dr. X" (one holder, not
            // "Political Directors in Paris", and not a place of the sentence: "met the minister in Rome on Monday").
            if (t.Norm == "in" && end + 1 < sentenceEnd && ctx.EntityStart[end + 1] is { CountryRef: null } city
                && city.Entry.Kind is EntityKind.City or EntityKind.Capital && city.TokenEnd < sentenceEnd && tokens[city.TokenEnd].Norm == ","
                && ctx.Doc.InSet("title_heads", head))
            {
                end = city.TokenEnd;
                break;
            }

            // of/for/to/on/at [the] COMPLEMENT
            if (Connectors.Contains(t.Norm))
            {
                var k = end + 1;
                if (k < sentenceEnd && tokens[k].Norm == "the")
                {
                    k++;
                }

                var c = Complement(ctx, k, sentenceEnd, lowerHead);
                if (c <= k)
                {
                    break;
                }

                end = c;
                continue;
            }

            // "and COMPLEMENT" inside a complement (Cooperation and Development), or "and" a second office.
            if (t.Norm == "and" && end + 1 < sentenceEnd)
            {
                var k = end + 1;
                if (HeadAt(ctx, k) is { Head: true, Relational: false } || (tokens[k].IsWord && ctx.Doc.InSet("title_modifiers", k) && HeadWithin(ctx, k, sentenceEnd)))
                {
                    end = ExtendRight(ctx, NextHead(ctx, k, sentenceEnd), sentenceEnd, false);
                    continue;
                }

                var c = Complement(ctx, k, sentenceEnd);
                if (c > k && end > head + 1)
                {
                    end = c;
                    continue;
                }

                // "… for Culture and Heritage,": capitalized words that end the phrase (not a name: no given name,
                // and punctuation or a lower-case word after them).
                var w = k;
                while (w < sentenceEnd && tokens[w].IsWord && tokens[w].IsCapitalized(ctx.Text) && !ctx.Doc.InSet("given_names", w)
                       && !ctx.Doc.InSet("title_heads", w) && ctx.EntityStart[w] is null)
                {
                    w++;
                }

                if (end > head + 1 && w > k && w - k <= 2 && (w == sentenceEnd || !tokens[w].IsWord || tokens[w].IsLower(ctx.Text)))
                {
                    end = w;
                    continue;
                }

                break;
            }

            // A second office in apposition, in lower case: "Former prime minister (2006–2014), leader of the X bloc".
            if (t.Norm == "," && end + 1 < sentenceEnd && tokens[end + 1].IsLower(ctx.Text) && HeadAt(ctx, end + 1) is { Head: true, Relational: false }
                && end + 2 < sentenceEnd && tokens[end + 2].Norm is "of" or "for")
            {
                end = ExtendRight(ctx, end + 1, sentenceEnd, false);
                continue;
            }

            // ", COMPLEMENT[, COMPLEMENT] and COMPLEMENT": a list inside one office (… Foreign Affairs, African Cooperation and …).
            if (t.Norm == "," && end > head + 1)
            {
                var k = end;
                var ok = false;
                while (k < sentenceEnd && tokens[k].Norm == ",")
                {
                    var c = Complement(ctx, k + 1, sentenceEnd);
                    if (c <= k + 1)
                    {
                        break;
                    }

                    k = c;
                    if (k < sentenceEnd && tokens[k].Norm == "and")
                    {
                        var last = Complement(ctx, k + 1, sentenceEnd);
                        if (last > k + 1)
                        {
                            k = last;
                            ok = true;
                        }

                        break;
                    }
                }

                if (ok)
                {
                    end = k;
                    continue;
                }
            }

            // Years in parentheses: Former prime minister (2006–2014).
            if (t.Norm == "(" && end + 4 < sentenceEnd && tokens[end + 1].IsNumber && tokens[end + 2].Norm == "-" && tokens[end + 3].IsNumber && tokens[end + 4].Norm == ")")
            {
                end += 5;
                continue;
            }

            break;
        }

        return end;
    }

    private static bool HeadWithin(Context ctx, int from, int sentenceEnd)
    {
        for (var k = from; k < Math.Min(sentenceEnd, from + 4); k++)
        {
            if (HeadAt(ctx, k) is { Head: true, Relational: false })
            {
                return true;
            }

            if (!(ctx.Tokens[k].IsWord && ctx.Doc.InSet("title_modifiers", k)))
            {
                return false;
            }
        }

        return false;
    }

    private static int NextHead(Context ctx, int from, int sentenceEnd)
    {
        for (var k = from; k < sentenceEnd; k++)
        {
            if (HeadAt(ctx, k) is { Head: true, Relational: false })
            {
                return k;
            }
        }

        return from;
    }

    /// <summary>
    /// The end of a title complement starting at <paramref name="k"/>: organizations, places and countries (with a
    /// possessive and what follows it), capitalized title words, connectors between them; <paramref name="k"/> when
    /// none starts there.
    /// </summary>
    private static int Complement(Context ctx, int k, int sentenceEnd, bool lowerCase = false)
    {
        var tokens = ctx.Tokens;
        var end = k;
        while (end < sentenceEnd)
        {
            var t = tokens[end];
            // Organizations, regions and countries continue a complement anywhere; a city or province only right after
            // the connector (Governor of Nineveh), never after other title words (… Secretary of State Mary Holt).
            if (ctx.EntityStart[end] is { } e && e.TokenEnd <= sentenceEnd
                && (e.Entry.Kind is EntityKind.Organization or EntityKind.Region || e.CountryRef is not null
                    || (end == k && e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision or EntityKind.Country or EntityKind.Demonym)))
            {
                end = e.TokenEnd;

                // Iraq's Popular Mobilization Forces
                if (end + 1 < sentenceEnd && tokens[end].Norm == "'" && tokens[end + 1].Norm == "s")
                {
                    end += 2;
                }

                continue;
            }

            // Lower-case complement words after a lower-case head (minister of external relations), never a head.
            if (lowerCase && t.IsWord && t.IsLower(ctx.Text) && ctx.Doc.InSet("title_complements", end) && !ctx.Doc.InSet("title_heads", end))
            {
                end++;
                continue;
            }

            if (t.IsWord && t.IsCapitalized(ctx.Text) && (ctx.Doc.InSet("title_complements", end) || ctx.Doc.InSet("title_heads", end) || ctx.Doc.InSet("title_modifiers", end)))
            {
                // A rank before a name ends the complement: … to Defeat ISIS Ambassador William Roebuck.
                if (end + 1 < sentenceEnd && tokens[end + 1].IsCapitalized(ctx.Text) && !ctx.Doc.InSet("title_complements", end + 1)
                    && ctx.Doc.Knowledge.Ranks.Longest(tokens, end, end + 1).End == end + 1)
                {
                    break;
                }

                end++;
                continue;
            }

            // Counter-Terrorism, Counter-ISIS: a hyphenated complement.
            if (t.Norm == "-" && end > k && end + 1 < sentenceEnd && t.Start == tokens[end - 1].End && tokens[end + 1].Start == t.End && tokens[end + 1].IsWord)
            {
                end += 2;
                continue;
            }

            if (t.Norm == "(" && end > k && end + 2 < sentenceEnd && tokens[end + 1].IsAllCaps(ctx.Text) && tokens[end + 2].Norm == ")")
            {
                end += 3;
                continue;
            }

            // Connectors inside a complement: Department of State, Office for Counter-Terrorism.
            if (end > k && (t.Norm is "of" or "for" or "the" or "&") && end + 1 < sentenceEnd
                && Complement(ctx, end + (tokens[end + 1].Norm == "the" ? 2 : 1), sentenceEnd, lowerCase) > end + 1)
            {
                end++;
                continue;
            }

            break;
        }

        // A complement ends with a word, not a connector.
        while (end > k && tokens[end - 1].Norm is "of" or "for" or "the" or "&")
        {
            end--;
        }

        return end;
    }

    /// <summary>The country a title names: its first country, demonym or possessive country (U.S., Saudi, Iraq's).</summary>
    private static string? CountryIn(Context ctx, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (ctx.EntityStart[k] is { } e && e.TokenEnd <= end)
            {
                if (e.CountryRef is not null)
                {
                    return e.CountryRef;
                }

                if (e.Entry.Kind is EntityKind.Organization && ctx.Doc.Knowledge.OrganizationCountry(e.Entry.Id) is { } owner)
                {
                    return owner;
                }

                // An organization's name that opens with a demonym: the Iraqi Counter-Terrorism Service's commander.
                if (e.Entry.Kind is EntityKind.Organization && ctx.CountryStart[k] is { } opening && opening.TokenEnd < e.TokenEnd)
                {
                    return opening.CountryRef;
                }

                // Inside an organization's name a demonym still counts (Ministry of … Moroccan Expatriates).
                if (e.Entry.Kind is not EntityKind.Organization)
                {
                    k = e.TokenEnd - 1;
                }
            }
        }

        return null;
    }
}
