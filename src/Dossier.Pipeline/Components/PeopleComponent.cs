using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// People: runs of capitalized name words (with particles bin, al-, Al, Abu …) that carry a person cue —
/// a rank or honorific before them (Ambassador, Maj.-Gen., Dr.), a title before them (Secretary of State
/// Antony Blinken) or in apposition (Jassim Mohamed, Director of …; Minister of Foreign Affairs, Sophie
/// Wilmès), or a speech verb. Ranks and honorifics stay out of the name (military and diplomatic ranks go
/// into the title). The country comes from the title (U.S. Acting Special Envoy, Belgian Deputy
/// Prime-Minister) or from the sentence. Later mentions by surname ("Blinken", "Al Hanzab") and spelling
/// variants ("Jassim Muhammad") are merged into the same person.
/// </summary>
public sealed class PeopleComponent : IPipelineComponent
{
    private static readonly HashSet<string> TitleConnectors = new(StringComparer.Ordinal) { "of", "the", "for", "and", "on", "to", "-", "&" };
    private static readonly HashSet<string> LeftBoundaries = new(StringComparer.Ordinal)
    {
        "the", "by", "a", "an", "as", "was", "is", "and", "with", ":", "\"", "(", "from", "said", "says", "told", "including",
    };

    public string Name => "people";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.People];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var tokens = document.Tokens;
        var blocked = new bool[tokens.Count];
        var countryAt = new string?[tokens.Count];
        foreach (var e in document.Entities)
        {
            var block = e.Entry.Kind is EntityKind.Country or EntityKind.CountryAbbreviation or EntityKind.Demonym or EntityKind.Organization or EntityKind.Region;
            for (var k = e.TokenStart; k < e.TokenEnd; k++)
            {
                blocked[k] |= block;
                countryAt[k] = e.CountryRef ?? (e.Entry.Kind is EntityKind.Country or EntityKind.CountryAbbreviation or EntityKind.Demonym ? e.Entry.Country : null);
            }
        }

        var ctx = new Context(document, blocked, countryAt);
        var runs = new List<(int Start, int End, int Sentence)>();
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FindRuns(ctx, s, runs);
        }

        // Pass 1: people introduced with a cue (rank, title, apposition, speech verb).
        var assigned = new bool[runs.Count];
        for (var r = 0; r < runs.Count; r++)
        {
            var (start, end, sentence) = runs[r];
            if (document.Sentences[sentence].IsBoilerplate)
            {
                continue;
            }

            if (WordCount(ctx, start, end) < 2)
            {
                // A single name right after a title or rank ("Secretary Blinken", "Mr Cleverly", "King Abdullah"),
                // unless it is the surname of a person already known.
                if (FindKnown(ctx, start, end) is null && RankBefore(ctx, start) is not null && FirstNameOf(ctx, start) is { } byFirst)
                {
                    AddMention(ctx, byFirst, start, end, sentence);
                    assigned[r] = true;
                }
                else if (FindKnown(ctx, start, end) is null && SingleNameCue(ctx, start) && !IsTitleCaseHeadline(ctx, document.Paragraphs[document.Sentences[sentence].Paragraph]))
                {
                    var single = new PersonEntity(document.TokenRangeText(start, end));
                    single.NameKeys.Add(Key(ctx, start, end));
                    var singleRank = RankBefore(ctx, start);
                    var singleTitle = TitleBefore(ctx, singleRank?.Start ?? start, sentence);
                    var (cleanTitle, cleanCountry) = singleTitle is { } chunk ? CleanTitle(ctx, chunk.Start, chunk.End) : (null, null);
                    single.Title = cleanTitle ?? (singleRank is { Entry.InTitle: true } ? singleRank.Value.Entry.Normal : null);
                    single.Country = cleanCountry ?? SentenceCountry(ctx, start, end, sentence);
                    document.People.Add(single);
                    AddMention(ctx, single, start, end, sentence);
                    assigned[r] = true;
                }

                continue;
            }

            if (IsTitleCaseHeadline(ctx, document.Paragraphs[document.Sentences[sentence].Paragraph]))
            {
                if (FindKnown(ctx, start, end) is { } inHeadline)
                {
                    AddMention(ctx, inHeadline, start, end, sentence);
                    assigned[r] = true;
                }

                continue;
            }

            if (FindKnown(ctx, start, end) is { } known)
            {
                AddMention(ctx, known, start, end, sentence);
                assigned[r] = true;
                continue;
            }

            var rank = RankBefore(ctx, start);
            var titleBefore = TitleBefore(ctx, rank?.Start ?? start, sentence);
            var titleAfter = TitleAfter(ctx, end, sentence);
            var speech = SpeechCue(ctx, start, end, sentence);
            if (titleBefore is { Comma: true } && (titleAfter is not null || CommaPhraseWithTitleAfter(ctx, end, sentence)))
            {
                // Between two title chunks (Head, Strategic Communication, Office of …): part of a title.
                continue;
            }

            if (rank is null && titleBefore is null && titleAfter is null && !speech)
            {
                continue;
            }

            var person = new PersonEntity(MeetingComponent.DisplayName(document.TokenRangeText(start, end)));
            person.NameKeys.Add(Key(ctx, start, end));
            var title = titleBefore ?? titleAfter;
            var (titleText, titleCountry) = title is { } tc ? CleanTitle(ctx, tc.Start, tc.End) : (null, null);
            if (rank is { Entry.InTitle: true } rk)
            {
                titleText = titleText is null ? rk.Entry.Normal : titleText + ", " + rk.Entry.Normal;
            }

            person.Title = titleText;
            person.Country = titleCountry ?? SentenceCountry(ctx, start, end, sentence) ?? OfficeCountry(ctx, titleText);
            document.People.Add(person);
            AddMention(ctx, person, start, end, sentence);
            assigned[r] = true;
        }

        // Pass 2: later mentions by surname or spelling variant.
        for (var r = 0; r < runs.Count; r++)
        {
            if (assigned[r])
            {
                continue;
            }

            var (start, end, sentence) = runs[r];
            if (document.Sentences[sentence].IsBoilerplate)
            {
                continue;
            }

            if (FindKnown(ctx, start, end) is { } known)
            {
                AddMention(ctx, known, start, end, sentence);
            }
            else if (WordCount(ctx, start, end) == 1 && RankBefore(ctx, start) is not null && FirstNameOf(ctx, start) is { } byFirstName)
            {
                AddMention(ctx, byFirstName, start, end, sentence);
            }
        }

        document.PersonMentions.Sort((a, b) => a.TokenStart.CompareTo(b.TokenStart));
    }

    private sealed record Context(AnnotatedDocument Doc, bool[] Blocked, string?[] CountryAt)
    {
        public HashSet<int> PersonTokens { get; } = [];

        public List<Token> Tokens => Doc.Tokens;
        public string Text => Doc.Text;
        public KnowledgeBase Kb => Doc.Knowledge;
    }

    private readonly record struct Chunk(int Start, int End, bool Comma);

    private static bool IsNameWord(Context ctx, int i)
    {
        var t = ctx.Tokens[i];
        if (!t.IsWord || ctx.Blocked[i])
        {
            return false;
        }

        if (ctx.Kb.Particles.Contains(t.Norm))
        {
            return true;
        }

        // Capitalized, not an acronym or an ALL CAPS word (a single capital is an initial).
        if (!t.IsCapitalized(ctx.Text) || (t.Length > 1 && t.IsAllCaps(ctx.Text)))
        {
            return false;
        }

        return !ctx.Kb.NameStopwords.Contains(t.Norm) && !ctx.Kb.IsTitleWord(t.Norm) && !ctx.Kb.Calendar.ContainsKey(t.Norm)
            && !ctx.Kb.SpeechVerbs.Contains(t.Norm) && ctx.Kb.Ranks.Longest(ctx.Tokens, i, Math.Min(ctx.Tokens.Count, i + 4)).End < 0;
    }

    private static void FindRuns(Context ctx, Segment s, List<(int, int, int)> runs)
    {
        var tokens = ctx.Tokens;
        var i = s.TokenStart;
        while (i < s.TokenEnd)
        {
            if (!IsNameWord(ctx, i) || ctx.Kb.Particles.Contains(tokens[i].Norm) && !tokens[i].IsCapitalized(ctx.Text))
            {
                i++;
                continue;
            }

            var start = i;
            if (i - 2 >= s.TokenStart && tokens[i - 1].Norm == "-" && tokens[i - 1].End == tokens[i].Start && tokens[i - 2].End == tokens[i - 1].Start
                && ctx.Kb.Particles.Contains(tokens[i - 2].Norm) && !ctx.Blocked[i - 2])
            {
                start = i - 2;
            }

            var end = i + 1;
            while (end < s.TokenEnd)
            {
                if (IsNameWord(ctx, end))
                {
                    end++;
                }
                else if (tokens[end].Norm == "-" && end + 1 < s.TokenEnd && tokens[end].Start == tokens[end - 1].End
                         && tokens[end + 1].Start == tokens[end].End && IsNameWord(ctx, end + 1))
                {
                    end += 2;
                }
                else if (tokens[end].Norm == "." && tokens[end - 1].Length == 1 && tokens[end].Start == tokens[end - 1].End
                         && end + 1 < s.TokenEnd && IsNameWord(ctx, end + 1))
                {
                    // A middle initial: Antony J. Blinken, Lloyd J. Austin.
                    end++;
                }
                else
                {
                    break;
                }
            }

            // Trim trailing particles: a name ends with a capitalized word.
            while (end > i + 1 && !tokens[end - 1].IsCapitalized(ctx.Text))
            {
                end--;
            }

            if (WordCount(ctx, start, end) <= 6)
            {
                runs.Add((start, end, s.Index));
            }

            i = end;
        }
    }

    /// <summary>A short line without a final stop whose words are mostly capitalized (a title-case headline).</summary>
    private static bool IsTitleCaseHeadline(Context ctx, Segment p)
    {
        var tokens = ctx.Tokens;
        if (p.TokenEnd - p.TokenStart > 20 || tokens[p.TokenEnd - 1].Norm is "." or "!" or "?" or "\"")
        {
            return false;
        }

        int words = 0, capitalized = 0;
        for (var k = p.TokenStart; k < p.TokenEnd; k++)
        {
            if (!tokens[k].IsWord || ctx.Kb.Particles.Contains(tokens[k].Norm) || tokens[k].Norm is "of" or "the" or "and" or "in" or "on" or "at" or "for" or "to" or "a" or "an" or "with" or "as")
            {
                continue;
            }

            words++;
            if (tokens[k].IsCapitalized(ctx.Text))
            {
                capitalized++;
            }
        }

        return words >= 3 && capitalized * 10 >= words * 8;
    }

    private static int WordCount(Context ctx, int start, int end)
    {
        var n = 0;
        for (var k = start; k < end; k++)
        {
            if (ctx.Tokens[k].IsWord)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Spelling-variant key of a name: words folded, variants mapped, hyphens dropped.</summary>
    private static string Key(Context ctx, int start, int end)
    {
        var parts = new List<string>();
        for (var k = start; k < end; k++)
        {
            if (ctx.Tokens[k].IsWord)
            {
                parts.Add(ctx.Kb.NameKey(ctx.Tokens[k].Norm));
            }
        }

        return string.Join(' ', parts);
    }

    private static PersonEntity? FindKnown(Context ctx, int start, int end)
    {
        var key = Key(ctx, start, end);
        foreach (var p in ctx.Doc.People)
        {
            foreach (var k in p.NameKeys)
            {
                // Same name, or the run is the surname (the last word, or "Al X") of a known person.
                if (k == key || (k.EndsWith(" " + key, StringComparison.Ordinal) && IsSurname(ctx, key, k)))
                {
                    return p;
                }
            }
        }

        return null;
    }

    /// <summary>A capitalized title head or a rank right before the name ("Secretary Blinken", "Mr. Smith").</summary>
    private static bool SingleNameCue(Context ctx, int start)
    {
        if (start == 0)
        {
            return false;
        }

        var prev = ctx.Tokens[start - 1];
        if (prev.IsWord && prev.IsCapitalized(ctx.Text) && ctx.Kb.IsTitleHead(prev.Norm) && !prev.Is("counterpart"))
        {
            return true;
        }

        return RankBefore(ctx, start) is not null;
    }

    /// <summary>"Prince Faisal", "Sheikh Tamim": a known person named by the first word of the name after an honorific.</summary>
    private static PersonEntity? FirstNameOf(Context ctx, int token)
    {
        var key = ctx.Kb.NameKey(ctx.Tokens[token].Norm);
        var matches = ctx.Doc.People.Where(p => p.NameKeys[0].Split(' ')[0] == key).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static bool IsSurname(Context ctx, string key, string full)
    {
        var words = key.Split(' ');
        var fullWords = full.Split(' ');
        if (words.Length == 1)
        {
            return !ctx.Kb.Particles.Contains(words[0]) && fullWords.Length >= 2;
        }

        // "al hanzab" of "faisal bin abdullah al hanzab": a particle then the last word.
        return words.Length == 2 && ctx.Kb.Particles.Contains(words[0]);
    }

    private static void AddMention(Context ctx, PersonEntity person, int start, int end, int sentence)
    {
        var tokens = ctx.Tokens;
        var surface = MeetingComponent.DisplayName(ctx.Doc.TokenRangeText(start, end));
        if (!string.Equals(surface, person.Name, StringComparison.Ordinal) && !person.Aliases.Contains(surface, StringComparer.Ordinal))
        {
            person.Aliases.Add(surface);
        }

        var key = Key(ctx, start, end);
        if (WordCount(ctx, start, end) >= 2 && !person.NameKeys.Contains(key) && !IsSurname(ctx, key, person.NameKeys[0]))
        {
            person.NameKeys.Add(key);
        }

        for (var k = start; k < end; k++)
        {
            ctx.PersonTokens.Add(k);
        }

        var mention = new PersonMention(start, end, tokens[start].Start, tokens[end - 1].End, person, sentence);
        person.Mentions.Add(mention);
        ctx.Doc.PersonMentions.Add(mention);
    }

    private static (int Start, RankEntry Entry)? RankBefore(Context ctx, int start)
    {
        for (var k = Math.Max(0, start - 5); k < start; k++)
        {
            var (end, entry) = ctx.Kb.Ranks.Longest(ctx.Tokens, k, start, (_, s, _) => ctx.Tokens[s].IsCapitalized(ctx.Text));
            if (end == start && entry is not null)
            {
                return (k, entry);
            }
        }

        return null;
    }

    private static bool IsTitleToken(Context ctx, int i)
    {
        var t = ctx.Tokens[i];
        if (t.IsWord)
        {
            return t.IsCapitalized(ctx.Text) || ctx.Kb.IsTitleWord(t.Norm) || TitleConnectors.Contains(t.Norm);
        }

        if (t.Norm == "-" || t.Norm == "&")
        {
            return true;
        }

        // Possessive 's (Iraq's Foreign Minister)
        return t.Norm == "'" && i + 1 < ctx.Tokens.Count && ctx.Tokens[i + 1].Norm == "s";
    }

    private static bool ContainsTitleHead(Context ctx, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (ctx.Kb.IsTitleHead(ctx.Tokens[k].Norm) || (ctx.Tokens[k].Norm.Contains('-') && ctx.Kb.IsTitleHead(ctx.Tokens[k].Norm.Split('-')[^1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capitalized phrase ending just before <paramref name="end"/>, connectors inside, trimmed.</summary>
    private static (int Start, int End) PhraseBefore(Context ctx, int end, int sentenceStart)
    {
        var k = end;
        while (k - 1 >= sentenceStart && IsTitleToken(ctx, k - 1) && !ctx.PersonTokens.Contains(k - 1))
        {
            // "… Antonio Tajani and US Acting Special Envoy …": a name before "and" ends the title.
            if (ctx.Tokens[k - 1].Norm == "and" && k - 2 >= sentenceStart && IsNameWord(ctx, k - 2) && !ctx.Kb.IsTitleWord(ctx.Tokens[k - 2].Norm))
            {
                break;
            }

            k--;
        }

        while (k < end && (ctx.Tokens[k].Norm is "the" or "of" or "and" or "for" or "on" or "to" or "-" || (ctx.Tokens[k].IsWord && !ctx.Tokens[k].IsCapitalized(ctx.Text) && !ctx.Kb.IsTitleWord(ctx.Tokens[k].Norm))))
        {
            k++;
        }

        return (k, end);
    }

    private static Chunk? TitleBefore(Context ctx, int start, int sentence)
    {
        var s = ctx.Doc.Sentences[sentence];
        if (start - 1 < s.TokenStart)
        {
            return null;
        }

        if (ctx.Tokens[start - 1].Norm != ",")
        {
            // The title must end right before the name ("Secretary of State Antony Blinken"), not with a
            // connector ("Secretary for Terrorist Financing").
            if (TitleConnectors.Contains(ctx.Tokens[start - 1].Norm))
            {
                return null;
            }

            var (ps, pe) = PhraseBefore(ctx, start, s.TokenStart);
            return pe > ps && ContainsTitleHead(ctx, ps, pe) ? new Chunk(ps, pe, false) : null;
        }

        // Comma chunks: "the Head, Strategic Communication, Office of the National Security Adviser, NAME".
        var chunks = new List<(int Start, int End)>();
        var end = start - 1;
        while (end - 1 >= s.TokenStart && chunks.Count < 4)
        {
            var (cs, ce) = PhraseBefore(ctx, end, s.TokenStart);
            if (ce <= cs)
            {
                break;
            }

            chunks.Add((cs, ce));
            if (cs - 1 >= s.TokenStart && ctx.Tokens[cs - 1].Norm == ",")
            {
                end = cs - 1;
                continue;
            }

            break;
        }

        if (chunks.Count == 0 || !ContainsTitleHead(ctx, chunks[0].Start, chunks[0].End) && chunks.Count == 1)
        {
            return null;
        }

        var best = -1;
        for (var c = 0; c < chunks.Count; c++)
        {
            var (cs, ce) = chunks[c];
            var boundary = cs - 1 < s.TokenStart || LeftBoundaries.Contains(ctx.Tokens[cs - 1].Norm)
                || (ctx.Tokens[cs - 1].IsWord && !ctx.Tokens[cs - 1].IsCapitalized(ctx.Text));
            if (c == 0 && ContainsTitleHead(ctx, cs, ce))
            {
                best = 0;
            }
            else if (c > 0 && ContainsTitleHead(ctx, cs, ce) && boundary && ctx.Tokens[cs - 1 < 0 ? 0 : cs - 1].Norm != "to")
            {
                best = c;
            }
        }

        return best < 0 ? null : new Chunk(chunks[best].Start, chunks[0].End, true);
    }

    private static Chunk? TitleAfter(Context ctx, int end, int sentence)
    {
        var s = ctx.Doc.Sentences[sentence];
        if (end >= s.TokenEnd || ctx.Tokens[end].Norm != ",")
        {
            return null;
        }

        var k = end + 1;
        if (k < s.TokenEnd && ctx.Tokens[k].Norm is "the" or "a" or "an")
        {
            k++;
        }

        var first = k;
        if (first >= s.TokenEnd)
        {
            return null;
        }

        while (k < s.TokenEnd && IsTitleToken(ctx, k) && ctx.Tokens[k].Norm != ",")
        {
            k++;
        }

        while (k > first && TitleConnectors.Contains(ctx.Tokens[k - 1].Norm))
        {
            k--;
        }

        // It must start like a title (a title word, or a country/demonym before one) and name an office.
        var startsLikeTitle = ctx.Kb.IsTitleWord(ctx.Tokens[first].Norm) || ctx.CountryAt[first] is not null;
        if (k > first && startsLikeTitle && ContainsTitleHead(ctx, first, k))
        {
            return new Chunk(first, k, true);
        }

        // "…, the coalition's spokesman, said": a short lower-case apposition ending in an office.
        if (first > end + 1 && first < s.TokenEnd)
        {
            var close = first;
            while (close < s.TokenEnd && close - first < 10 && !(ctx.Tokens[close].Norm is "," or "." or ";"))
            {
                close++;
            }

            if (close < s.TokenEnd && ctx.Tokens[close].Norm == "," && close > first && ctx.Kb.IsTitleHead(ctx.Tokens[close - 1].Norm))
            {
                return new Chunk(first, close, true);
            }
        }

        return null;
    }

    /// <summary>", Office of the National Security Adviser" after the run: a title chunk of any shape.</summary>
    private static bool CommaPhraseWithTitleAfter(Context ctx, int end, int sentence)
    {
        var s = ctx.Doc.Sentences[sentence];
        if (end >= s.TokenEnd || ctx.Tokens[end].Norm != ",")
        {
            return false;
        }

        // A capitalized chunk follows the comma: the run sits inside a chain of title chunks.
        var k = end + 1;
        return k < s.TokenEnd && ctx.Tokens[k].IsCapitalized(ctx.Text);
    }

    private static bool SpeechCue(Context ctx, int start, int end, int sentence)
    {
        var s = ctx.Doc.Sentences[sentence];
        if (end < s.TokenEnd && ctx.Kb.SpeechVerbs.Contains(ctx.Tokens[end].Norm))
        {
            return true;
        }

        // "X, who heads the mission, …": a relative clause for a person.
        if (end + 1 < s.TokenEnd && ctx.Tokens[end].Norm == "," && ctx.Tokens[end + 1].Norm == "who")
        {
            return true;
        }

        return start - 1 >= s.TokenStart && ctx.Tokens[start - 1].Norm is "said" or "says" or "told" or "added";
    }

    /// <summary>The title text with a leading country, abbreviation, demonym or possessive moved out.</summary>
    private static (string? Title, string? Country) CleanTitle(Context ctx, int start, int end)
    {
        string? country = null;
        var k = start;
        while (k < end && ctx.CountryAt[k] is { } c)
        {
            country ??= c;
            k++;
        }

        if (k < end && ctx.Tokens[k].Norm == "'" && k + 1 < end && ctx.Tokens[k + 1].Norm == "s")
        {
            k += 2;
        }

        if (country is null)
        {
            for (var j = k; j < end; j++)
            {
                if (ctx.CountryAt[j] is { } c2)
                {
                    country = c2;
                    break;
                }
            }
        }

        return k < end ? (ctx.Doc.TokenRangeText(k, end), country) : (null, country);
    }

    private static string? SentenceCountry(Context ctx, int start, int end, int sentence)
    {
        var s = ctx.Doc.Sentences[sentence];
        for (var k = start - 1; k >= s.TokenStart; k--)
        {
            if (ctx.CountryAt[k] is { } c)
            {
                return c;
            }
        }

        for (var k = end; k < s.TokenEnd; k++)
        {
            if (ctx.CountryAt[k] is { } c)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>A title that contains an office already held by a known person (… Office of the National Security Adviser) takes that person's country.</summary>
    private static string? OfficeCountry(Context ctx, string? title)
    {
        if (title is null)
        {
            return null;
        }

        foreach (var p in ctx.Doc.People)
        {
            if (p.Country is null || p.Title is null)
            {
                continue;
            }

            var office = p.Title.Split(',')[0].Trim();
            if (office.Contains(' ', StringComparison.Ordinal) && title.Contains(office, StringComparison.OrdinalIgnoreCase))
            {
                return p.Country;
            }
        }

        return null;
    }
}
