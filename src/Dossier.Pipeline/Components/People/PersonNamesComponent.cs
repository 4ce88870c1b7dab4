using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.People;

/// <summary>
/// Runs of name words — capitalized words that are not places, organizations, titles, calendar words or
/// <c>sets/name_stopwords</c>, with particles (<c>sets/name_particles</c>: bin, al-, Abu, Le, Di …), hyphens
/// (Bijleveld-Schouten, al-Baghdadi), middle initials (Antony J. Blinken) and a transliterated ʿayn (Shia’ al-Sudani)
/// inside — and the cues around each: a title phrase before (also one plural title before a list of names) or in
/// apposition after (", Director of …", "– Head of …"), a rank or honorific before, a known given name first, the
/// shape of an Arabic name, a speech verb or ", who" next to it, a relational word before (his counterpart X).
/// Runs of one word are kept too: the coreference step decides whether they name a known person.
/// </summary>
public sealed class PersonNamesComponent : IPipelineComponent
{
    public string Name => "person-names";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities, Layers.Titles];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.PersonNames];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var ctx = new NameContext(document);
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.IsBoilerplate)
            {
                continue;
            }

            var headline = LineShape.IsTitleCaseHeadline(document, document.Paragraphs[s.Paragraph]);
            NameCandidate? previous = null;
            foreach (var (start, end, words) in Runs(ctx, s))
            {
                var c = new NameCandidate(start, end, s.Index, words) { InHeadline = headline };
                FindCues(ctx, c, s, previous);
                document.NameCandidates.Add(c);
                previous = c;
            }
        }
    }

    /// <summary>Shared look-ups of the name finder.</summary>
    internal sealed class NameContext
    {
        public NameContext(AnnotatedDocument doc)
        {
            Doc = doc;
            var n = doc.Tokens.Count;
            Blocked = new bool[n];
            Place = new bool[n];
            foreach (var e in doc.Entities)
            {
                var block = e.Entry.Kind is EntityKind.Country or EntityKind.CountryAbbreviation or EntityKind.Demonym or EntityKind.Region
                    || (e.Entry.Kind is EntityKind.Organization && !e.Entry.Weak);
                for (var k = e.TokenStart; k < e.TokenEnd; k++)
                {
                    Blocked[k] |= block;
                    Place[k] |= e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision;
                }
            }

            // Indexes into a snapshot of the titles: 4 bytes a token per table instead of a reference.
            var titles = doc.Titles.ToArray();
            TitleEndingAt = new TokenIndex<TitleMention>(titles, n + 1);
            TitleStartingAt = new TokenIndex<TitleMention>(titles, n + 1);
            for (var k = 0; k < titles.Length; k++)
            {
                TitleEndingAt.Set(titles[k].TokenEnd, k);
                TitleStartingAt.Set(titles[k].TokenStart, k);
            }
        }

        public AnnotatedDocument Doc { get; }
        public bool[] Blocked { get; }
        public bool[] Place { get; }
        public TokenIndex<TitleMention> TitleEndingAt { get; }
        public TokenIndex<TitleMention> TitleStartingAt { get; }
        public List<Token> Tokens => Doc.Tokens;
        public string Text => Doc.Text;
        public KnowledgeBase Kb => Doc.Knowledge;
        public WordSets Sets => Doc.Knowledge.Sets;
    }

    internal static bool IsParticle(NameContext ctx, int i) => ctx.Tokens[i].IsWord && ctx.Doc.InSet("name_particles", i);

    /// <summary>A word that can be part of a personal name.</summary>
    internal static bool IsNameWord(NameContext ctx, int i)
    {
        var t = ctx.Tokens[i];
        if (!t.IsWord || ctx.Blocked[i])
        {
            return false;
        }

        if (IsParticle(ctx, i))
        {
            return true;
        }

        if (!t.IsCapitalized(ctx.Text) || (t.Length > 1 && t.IsAllCaps(ctx.Text)))
        {
            return false;
        }

        // "Khalid bin Said": after a particle of descent, a capitalized word is a name, even "Said".
        if (i > 0 && ctx.Tokens[i - 1].IsWord && ctx.Doc.InSet("patronymic_particles", i - 1) && !ctx.Kb.Calendar.ContainsKey(t.Norm))
        {
            return true;
        }

        var sets = ctx.Sets;
        var norm = t.Norm;
        if (ctx.Doc.InSet("name_stopwords", i) || ctx.Doc.InSet("title_heads", i) || ctx.Doc.InSet("title_modifiers", i)
            || ctx.Doc.InSet("title_complements", i) || ctx.Doc.InSet("relational_heads", i) || ctx.Doc.InSet("speech_verbs", i)
            || ctx.Kb.Calendar.ContainsKey(norm))
        {
            return false;
        }

        if (PluralForms.IsPluralOf(sets["title_heads"], norm))
        {
            return false;
        }

        return ctx.Kb.Ranks.Longest(ctx.Tokens, i, Math.Min(ctx.Tokens.Count, i + 4)).End < 0 && !InsideRank(ctx, i);
    }

    /// <summary>Is token <paramref name="i"/> the second or a later word of a rank or honorific (Tan Sri, Air Vice Marshal)?</summary>
    private static bool InsideRank(NameContext ctx, int i)
    {
        for (var j = Math.Max(0, i - 3); j < i; j++)
        {
            if (ctx.Tokens[j].IsCapitalized(ctx.Text) && ctx.Kb.Ranks.Longest(ctx.Tokens, j, Math.Min(ctx.Tokens.Count, j + 5)).End > i)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(int Start, int End, int Words)> Runs(NameContext ctx, Segment s)
    {
        var tokens = ctx.Tokens;
        var i = s.TokenStart;
        while (i < s.TokenEnd)
        {
            if (!IsNameWord(ctx, i) || (IsParticle(ctx, i) && !tokens[i].IsCapitalized(ctx.Text) && !StartsLowerParticleName(ctx, i, s.TokenEnd)))
            {
                i++;
                continue;
            }

            var start = i;
            var end = i + 1;
            while (end < s.TokenEnd)
            {
                if (IsNameWord(ctx, end))
                {
                    end++;
                }
                else if (IsInnerNameWord(ctx, end, s.TokenEnd))
                {
                    // A word that is also a title word (Shia, State) inside a name: Mohammed Shia’ al-Sudani.
                    end++;
                }
                else if (tokens[end].Norm == "-" && end + 1 < s.TokenEnd && tokens[end].Start == tokens[end - 1].End
                         && tokens[end + 1].Start == tokens[end].End && (IsNameWord(ctx, end + 1) || IsGluedCalendarWord(ctx, end + 1)))
                {
                    end += 2;
                }
                else if (tokens[end].Norm == "." && tokens[end - 1].Length == 1 && tokens[end].Start == tokens[end - 1].End
                         && end + 1 < s.TokenEnd && IsNameWord(ctx, end + 1))
                {
                    // A middle initial: Antony J. Blinken.
                    end++;
                }
                else if (tokens[end].Norm == "'" && tokens[end].Start == tokens[end - 1].End && end + 1 < s.TokenEnd
                         && tokens[end + 1].Start > tokens[end].End && IsNameWord(ctx, end + 1) && IsParticle(ctx, end + 1))
                {
                    // A transliterated ʿayn before a particle: Mohammed Shia’ al-Sudani.
                    end++;
                }
                else
                {
                    break;
                }
            }

            // A name ends with a capitalized word, not a particle or an initial's dot.
            while (end > start + 1 && (!tokens[end - 1].IsCapitalized(ctx.Text) || tokens[end - 1].Norm is "-" or "'" or "." || !IsNameWord(ctx, end - 1)))
            {
                end--;
            }

            // A regnal number ends a one-word name: Abdullah II, Felipe VI (not a generational suffix: Lloyd J. Austin III).
            if (end == start + 1 && end < s.TokenEnd && IsRegnalNumber(ctx, end))
            {
                end++;
            }

            int words = 0, core = 0;
            for (var k = start; k < end; k++)
            {
                words += tokens[k].IsWord ? 1 : 0;
                core += tokens[k].IsWord && !IsParticle(ctx, k) ? 1 : 0;
            }

            if (core <= 5 && (tokens[end - 1].IsCapitalized(ctx.Text) || IsRegnalNumber(ctx, end - 1)))
            {
                yield return (start, end, words);
            }

            i = Math.Max(end, i + 1);
        }
    }

    /// <summary>
    /// A capitalized title modifier or complement (Shia, State) standing inside a name, that is followed by more of the
    /// name (another name word, or an ʿayn apostrophe and a particle): never at the end of a run.
    /// </summary>
    private static bool IsInnerNameWord(NameContext ctx, int i, int sentenceEnd)
    {
        var t = ctx.Tokens[i];
        if (!t.IsWord || ctx.Blocked[i] || !t.IsCapitalized(ctx.Text) || t.IsAllCaps(ctx.Text)
            || !(ctx.Doc.InSet("title_modifiers", i) || ctx.Doc.InSet("title_complements", i))
            || ctx.Doc.InSet("title_heads", i) || i + 1 >= sentenceEnd)
        {
            return false;
        }

        var next = i + 1;
        if (ctx.Tokens[next].Norm == "'" && ctx.Tokens[next].Start == t.End && next + 1 < sentenceEnd)
        {
            next++;
        }

        return IsNameWord(ctx, next) && (ctx.Tokens[next].IsCapitalized(ctx.Text) || IsParticle(ctx, next));
    }

    /// <summary>A Roman numeral of a monarch or pope (II … XII), as written after a name.</summary>
    private static bool IsRegnalNumber(NameContext ctx, int i)
    {
        var t = ctx.Tokens[i];
        return t.IsWord && t.Length is >= 2 and <= 4 && ctx.Sets.Has("regnal_numbers", t.Norm) && t.IsAllCaps(ctx.Text);
    }

    /// <summary>A capitalized calendar word glued after a hyphen inside a name (Pieter-Jan, Anne-May): a name part there.</summary>
    private static bool IsGluedCalendarWord(NameContext ctx, int i)
    {
        var t = ctx.Tokens[i];
        return t.IsWord && !ctx.Blocked[i] && t.IsCapitalized(ctx.Text) && !t.IsAllCaps(ctx.Text) && ctx.Kb.Calendar.ContainsKey(t.Norm);
    }

    /// <summary>"al-Baghdadi", "bin Salman": a lower-case particle that starts a name when a capitalized word follows it.</summary>
    private static bool StartsLowerParticleName(NameContext ctx, int i, int sentenceEnd)
    {
        var tokens = ctx.Tokens;
        var k = i + 1;
        if (k < sentenceEnd && tokens[k].Norm == "-" && tokens[k].Start == tokens[i].End)
        {
            k++;
        }

        return k < sentenceEnd && tokens[k].IsCapitalized(ctx.Text) && IsNameWord(ctx, k) && (k == i + 2 || i == 0 || !IsNameWord(ctx, i - 1));
    }

    private static void FindCues(NameContext ctx, NameCandidate c, Segment s, NameCandidate? previous)
    {
        var tokens = ctx.Tokens;
        var start = c.TokenStart;
        var end = c.TokenEnd;

        // A rank or honorific (or a chain of them) right before: H.E. Sheikh …, Maj.-Gen. …, Prince …
        var before = start;
        while (RankBefore(ctx, before, s.TokenStart) is { } rank)
        {
            c.Rank ??= rank.Entry;
            c.RankStart = rank.Start;
            before = rank.Start;
        }

        if (c.Rank is not null)
        {
            c.Cues |= NameCues.Rank;
        }

        // A title right before (or before the rank, or before a comma): Secretary of State Antony Blinken;
        // the National Security Adviser, Major-Gen. Babagana Monguno; his Saudi counterpart, Faisal bin Farhan.
        var title = ctx.TitleEndingAt[start] is { } whole && whole.TokenStart < before && whole.Sentence == c.Sentence ? whole : ctx.TitleEndingAt[before];
        if (title is null && before - 1 >= s.TokenStart && tokens[before - 1].Norm == ",")
        {
            title = ctx.TitleEndingAt[before - 1] ?? CommaChain(ctx, before - 1, c.Sentence, s.TokenStart);
        }

        if (title is not null && title.Sentence != c.Sentence)
        {
            title = null;
        }

        if (title is not null && title.TokenEnd < before)
        {
            title = CommaChain(ctx, title.TokenEnd, c.Sentence, s.TokenStart) ?? title;
        }

        if (title is not null)
        {
            c.TitleBefore = title;
            c.Cues |= title.Relational ? NameCues.Relation : NameCues.TitleBefore;
        }
        else if (previous is { TitleBefore: { Plural: true } shared } && previous.Sentence == c.Sentence
                 && previous.TokenEnd < start && start - previous.TokenEnd <= 2 && tokens[previous.TokenEnd].Norm is "," or "and" or "&")
        {
            // One plural title before a list: Foreign Ministers A, B and C.
            c.TitleBefore = shared;
            c.Cues |= NameCues.TitleBefore;
        }

        // A title in apposition after: ", Director of …", ", the deputy special envoy …", "– Head of …".
        if (end < s.TokenEnd && tokens[end].Norm is "," or "-" or "(")
        {
            var k = end + 1;
            if (k < s.TokenEnd && tokens[k].Norm is "then" or "now" or "formerly" or "currently" or "still")
            {
                k++;
            }

            if (k < s.TokenEnd && tokens[k].Norm is "the" or "a" or "an" or "its" or "his" or "her")
            {
                k++;
            }

            if (k < s.TokenEnd && ctx.TitleStartingAt[k] is { Relational: false } after)
            {
                c.TitleAfter = after;
                c.Cues |= NameCues.TitleAfter;
            }
        }

        if (ctx.Kb.IsGivenName(GivenNameKey(ctx, start, end)) && c.Words >= 2)
        {
            c.Cues |= NameCues.GivenName;
        }

        if (c.Words >= 2 && HasArabicShape(ctx, start, end) && !IsPlace(ctx, start, end))
        {
            c.Cues |= NameCues.ArabicShape;
        }

        // Tal Afar, Ras al-Ain, Deir ez-Zor, Salah al-Din: a place name, whatever else it looks like.
        if ((ctx.Doc.InSet("toponym_prefixes", start) || IsPlace(ctx, start, end)) && c.Rank is null && c.TitleBefore is null)
        {
            c.Cues = NameCues.None;
        }

        if (SpeechNext(ctx, start, end, s))
        {
            c.Cues |= NameCues.Speech;
        }
    }

    /// <summary>
    /// A title before ", NAME" may be the last links of a chain of title chunks between commas: "the Head, Strategic
    /// Communication, Office of the National Security Adviser, NAME" is one title. Chunks are title phrases or runs of
    /// capitalized title words and organizations; the chain ends at <paramref name="end"/> and starts at its leftmost
    /// title phrase (null when there is none).
    /// </summary>
    private static TitleMention? CommaChain(NameContext ctx, int end, int sentence, int sentenceStart)
    {
        var tokens = ctx.Tokens;
        TitleMention? first = null;
        var k = end;
        while (k > sentenceStart)
        {
            if (ctx.TitleEndingAt[k] is { Relational: false } t && t.Sentence == sentence)
            {
                first = t;
                k = t.TokenStart;
            }
            else
            {
                var j = k;
                while (j > sentenceStart && tokens[j - 1].IsWord && (tokens[j - 1].IsCapitalized(ctx.Text) || ctx.Blocked[j - 1])
                       && (ctx.Doc.InSet("title_complements", j - 1) || ctx.Doc.InSet("title_modifiers", j - 1) || ctx.Blocked[j - 1]
                           || (tokens[j - 1].Norm is "of" or "the" or "for" && j - 1 < k)))
                {
                    j--;
                }

                while (j < k && tokens[j].Norm is "of" or "the" or "for")
                {
                    j++;
                }

                if (j == k)
                {
                    break;
                }

                k = j;
            }

            if (k - 2 < sentenceStart || tokens[k - 1].Norm != ",")
            {
                break;
            }

            k--;
        }

        return first is null ? null : new TitleMention(first.TokenStart, end, first.Head, sentence) { Country = first.Country };
    }

    /// <summary>The run is (mostly) a place the gazetteer knows: Salah al-Din, Deir ez-Zor.</summary>
    private static bool IsPlace(NameContext ctx, int start, int end)
    {
        var covered = 0;
        for (var k = start; k < end; k++)
        {
            covered += ctx.Place[k] ? 1 : 0;
        }

        return covered * 2 > end - start;
    }

    /// <summary>The first word of a name, with a hyphenated given name joined (Jean-Yves).</summary>
    private static string GivenNameKey(NameContext ctx, int start, int end)
    {
        var tokens = ctx.Tokens;
        if (start + 2 < end && tokens[start + 1].Norm == "-" && tokens[start + 1].Start == tokens[start].End && !IsParticle(ctx, start))
        {
            return tokens[start].Norm + "-" + tokens[start + 2].Norm;
        }

        return tokens[start].Norm;
    }

    private static bool HasArabicShape(NameContext ctx, int start, int end)
    {
        var tokens = ctx.Tokens;
        var capitalized = 0;
        var particle = false;
        for (var k = start; k < end; k++)
        {
            if (!tokens[k].IsWord)
            {
                continue;
            }

            if (tokens[k].Norm is "al" or "bin" or "ibn" or "bint" or "abu" or "abd" or "el" or "ould" or "bani")
            {
                particle = true;
            }
            else if (tokens[k].IsCapitalized(ctx.Text))
            {
                capitalized++;
            }
        }

        return particle && capitalized >= 2;
    }

    private static bool SpeechNext(NameContext ctx, int start, int end, Segment s)
    {
        var tokens = ctx.Tokens;
        if (end < s.TokenEnd && ctx.Doc.InSet("speech_verbs", end))
        {
            return true;
        }

        if (end + 1 < s.TokenEnd && tokens[end].Norm == "," && tokens[end + 1].Norm == "who")
        {
            return true;
        }

        return start - 1 >= s.TokenStart && tokens[start - 1].Norm is "said" or "says" or "told" or "added" or "according";
    }

    internal static (int Start, RankEntry Entry)? RankBefore(NameContext ctx, int start, int sentenceStart)
    {
        for (var k = Math.Max(sentenceStart, start - 5); k < start; k++)
        {
            var (end, entry) = ctx.Kb.Ranks.Longest(ctx.Tokens, k, start, (_, st, _) => ctx.Tokens[st].IsCapitalized(ctx.Text));
            if (end == start && entry is not null)
            {
                return (k, entry);
            }
        }

        return null;
    }
}
