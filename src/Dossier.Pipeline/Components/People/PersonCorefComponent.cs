using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.People;

/// <summary>
/// Makes people of the name finder's runs and merges their mentions, most certain first:
/// (1) runs of two or more words with a cue start a person or join the one of the same name (spelling variants of
/// <c>name_variants.tsv</c> folded, middle initials ignored, a longer form of a known name joins it: Faisal bin
/// Farhan / Faisal bin Farhan bin Abdullah);
/// (2) single words after a title, rank or relational word name a known person by surname (Blinken, Al Hanzab,
/// Bijleveld of Bijleveld-Schouten) or by first name after an honorific (Prince Faisal), else a person of one name
/// (Secretary of Defense Mattis);
/// (3) every other run — without a cue, or in a title-case headline — joins a known person it names, and is
/// otherwise no person. The name is the longest full form with middle initials and a transliterated ʿayn dropped
/// (Antony J. Blinken → Antony Blinken); the text's other forms, and "title + name" forms (Foreign Minister Hussein),
/// are aliases.
/// </summary>
public sealed class PersonCorefComponent : IPipelineComponent
{
    public string Name => "person-coref";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.PersonNames];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.People];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var candidates = document.NameCandidates;
        var assigned = new bool[candidates.Count];

        // (1) Full names with a cue.
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            // In a title-case headline only a given name with a title or rank makes a name (Secretary Jane Doe At The
            // Summit; not "General Smith Visits Baghdad").
            var strong = (c.Cues & NameCues.GivenName) != 0 && (c.Cues & (NameCues.TitleBefore | NameCues.Rank | NameCues.TitleAfter)) != 0;
            if (c.Words < 2 || (c.InHeadline && !strong) || c.Cues == NameCues.None)
            {
                continue;
            }

            if (c.InHeadline)
            {
                c = HeadlineName(document, c);
            }

            var words = Words(document, c);

            // "Al Kaabi", "Le Drian": a particle and a surname name a known person by surname.
            var bySurname = words.Count == 2 && document.Knowledge.Particles.Contains(words[0]) ? FindPart(document, words, false) : null;
            var person = bySurname ?? FindFull(document, words) ?? NewPerson(document, words);
            AddMention(document, person, c);
            assigned[i] = true;
        }

        cancellationToken.ThrowIfCancellationRequested();

        // (2) One word after a title, a rank or a relational word.
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (assigned[i] || c.Words != 1 || c.InHeadline || (c.Cues & (NameCues.TitleBefore | NameCues.Rank | NameCues.Relation)) == 0)
            {
                continue;
            }

            // A place is not a person of one name (… officials in Baghdad, Erbil).
            if (document.Entities.Any(e => e.TokenStart == c.TokenStart && e.TokenEnd == c.TokenEnd && e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision))
            {
                continue;
            }

            var words = Words(document, c);
            var person = FindPart(document, words, c.Rank is not null) ?? NewPerson(document, words);
            AddMention(document, person, c);
            assigned[i] = true;
        }

        // (3) Everything else, when it names a known person.
        for (var i = 0; i < candidates.Count; i++)
        {
            if (assigned[i])
            {
                continue;
            }

            var c = candidates[i];
            var words = Words(document, c);
            var person = (words.Count >= 2 ? FindFull(document, words) : null) ?? FindPart(document, words, c.Rank is not null);
            if (person is not null)
            {
                AddMention(document, person, c);
            }
            else if (c.InHeadline && c.Words > 1)
            {
                // "Okafor Meets Envoys": in a title-case headline a known surname inside a longer run of capitals.
                for (var k = c.TokenStart; k < c.TokenEnd; k++)
                {
                    if (document.Tokens[k].IsWord && FindPart(document, [document.Knowledge.NameKey(document.Tokens[k].Norm)], false) is { } known)
                    {
                        AddMention(document, known, new NameCandidate(k, k + 1, c.Sentence, 1) { InHeadline = true });
                    }
                }
            }
        }

        MergeSingleNames(document);
        document.PersonMentions.Sort((a, b) => a.TokenStart.CompareTo(b.TokenStart));
        foreach (var p in document.People)
        {
            p.Mentions.Sort((a, b) => a.TokenStart.CompareTo(b.TokenStart));
        }
    }

    /// <summary>In a title-case headline a name is its given name and one more word (particles between): "Helena Costa Opens".</summary>
    private static NameCandidate HeadlineName(AnnotatedDocument document, NameCandidate c)
    {
        var tokens = document.Tokens;
        var words = 0;
        for (var k = c.TokenStart; k < c.TokenEnd; k++)
        {
            var t = tokens[k];
            var glued = k > c.TokenStart && tokens[k - 1].Norm == "-" && tokens[k - 1].Start == tokens[k - 2].End;
            var initial = t.Length == 1 && k + 1 < c.TokenEnd && tokens[k + 1].Norm == ".";
            if (t.IsWord && !glued && !initial && !document.Knowledge.Particles.Contains(t.Norm) && ++words == 2)
            {
                var end = k + 1;
                while (end + 1 < c.TokenEnd && tokens[end].Norm == "-" && tokens[end].Start == tokens[end - 1].End)
                {
                    end += 2;
                }

                return end >= c.TokenEnd ? c : new NameCandidate(c.TokenStart, end, c.Sentence, 2)
                {
                    InHeadline = true, Cues = c.Cues, TitleBefore = c.TitleBefore, Rank = c.Rank, RankStart = c.RankStart,
                };
            }
        }

        return c;
    }

    /// <summary>The name words of a run as keys: normalized, spelling variants folded, initials and punctuation left out.</summary>
    private static List<string> Words(AnnotatedDocument document, NameCandidate c)
    {
        var tokens = document.Tokens;
        var words = new List<string>();
        for (var k = c.TokenStart; k < c.TokenEnd; k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                continue;
            }

            // Hyphenated parts stay one word: al-Baghdadi, Bijleveld-Schouten.
            if (words.Count > 0 && k > c.TokenStart && tokens[k - 1].Norm == "-" && tokens[k - 1].Start == tokens[k - 2].End)
            {
                words[^1] += "-" + document.Knowledge.NameKey(t.Norm);
                continue;
            }

            // A middle initial (J.) is not a name word.
            if (t.Length == 1 && k + 1 < c.TokenEnd && tokens[k + 1].Norm == "." && k > c.TokenStart)
            {
                continue;
            }

            words.Add(document.Knowledge.NameKey(t.Norm));
        }

        return words;
    }

    private static string Key(IEnumerable<string> words) => string.Join(' ', words);

    private static PersonEntity NewPerson(AnnotatedDocument document, List<string> words)
    {
        var person = new PersonEntity("");
        person.NameKeys.Add(Key(words));
        document.People.Add(person);
        return person;
    }

    /// <summary>A known person with the same full name, or whose name is this one plus more words or this one's prefix.</summary>
    private static PersonEntity? FindFull(AnnotatedDocument document, List<string> words)
    {
        var key = Key(words);
        foreach (var p in document.People)
        {
            foreach (var k in p.NameKeys)
            {
                if (k == key || (k.Split(' ').Length >= 2 && (k.StartsWith(key + " ", StringComparison.Ordinal) || key.StartsWith(k + " ", StringComparison.Ordinal))
                                 && Math.Min(k.Split(' ').Length, key.Split(' ').Length) >= 2))
                {
                    return p;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A known person of whom the words are the surname (the last word, "al X", "Al X", "Le X", one part of a
    /// hyphenated surname) or, after an honorific, the first name. Only when exactly one person fits.
    /// </summary>
    private static PersonEntity? FindPart(AnnotatedDocument document, List<string> words, bool afterHonorific)
    {
        var key = Key(words);
        PersonEntity? found = null;
        foreach (var p in document.People)
        {
            var fits = false;
            foreach (var k in p.NameKeys)
            {
                var parts = k.Split(' ');
                if (k == key)
                {
                    fits = true;
                }
                else if (parts.Length >= 2 && k.EndsWith(" " + key, StringComparison.Ordinal) && (words.Count > 1 || !document.Knowledge.Particles.Contains(words[0])))
                {
                    fits = true;
                }
                else if (words.Count == 1 && parts.Length >= 2 && SurnameParts(document, k).Contains(words[0]))
                {
                    fits = true;
                }
                else if (afterHonorific && words.Count == 1 && parts.Length >= 2 && parts[0] == words[0])
                {
                    fits = true;
                }
            }

            if (fits)
            {
                if (found is not null && !ReferenceEquals(found, p))
                {
                    return null;
                }

                found = p;
            }
        }

        return found;
    }

    /// <summary>The parts of a hyphenated last name (Bijleveld-Schouten: bijleveld, schouten; al-Baghdadi: baghdadi).</summary>
    private static HashSet<string> SurnameParts(AnnotatedDocument document, string key)
    {
        var last = key.Split(' ')[^1];
        return last.Split('-').Where(w => w.Length > 1 && !document.Knowledge.Particles.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    private static void AddMention(AnnotatedDocument document, PersonEntity person, NameCandidate c)
    {
        var tokens = document.Tokens;
        var mention = new PersonMention(c.TokenStart, c.TokenEnd, tokens[c.TokenStart].Start, tokens[c.TokenEnd - 1].End, person, c.Sentence)
        {
            TitleBefore = c.TitleBefore,
            TitleAfter = c.TitleAfter,
            Rank = c.Rank,
            RankStart = c.RankStart,
        };
        person.Mentions.Add(mention);
        document.PersonMentions.Add(mention);
        var words = Words(document, c);
        var key = Key(words);
        if (words.Count >= 2 && !person.NameKeys.Contains(key))
        {
            person.NameKeys.Add(key);
        }

        Rename(document, person);
    }

    /// <summary>A person's name (its longest full form, cleaned) and aliases (every other form, and title + name forms).</summary>
    internal static void Rename(AnnotatedDocument document, PersonEntity person)
    {
        var tokens = document.Tokens;
        PersonMention? best = null;
        var bestWords = 0;
        foreach (var m in person.Mentions)
        {
            var n = 0;
            for (var k = m.TokenStart; k < m.TokenEnd; k++)
            {
                n += tokens[k].IsWord && !(tokens[k].Length == 1 && k + 1 < m.TokenEnd && tokens[k + 1].Norm == ".") ? 1 : 0;
            }

            if (n > bestWords)
            {
                best = m;
                bestWords = n;
            }
        }

        person.Name = best is null ? person.Name : CleanName(document, best.TokenStart, best.TokenEnd);
        person.Aliases.Clear();
        foreach (var m in person.Mentions)
        {
            AddAlias(person, DisplayName(document.TokenRangeText(m.TokenStart, m.TokenEnd)));
            AddAlias(person, CleanName(document, m.TokenStart, m.TokenEnd));
            var prefixStart = m.RankStart >= 0 ? m.RankStart : m.TitleBefore is { } t && t.TokenEnd == m.TokenStart && !t.Relational ? HeadStart(document, t) : -1;
            if (prefixStart >= 0 && prefixStart < m.TokenStart)
            {
                AddAlias(person, DisplayName(document.TokenRangeText(prefixStart, m.TokenEnd)));
            }
        }
    }

    /// <summary>Where "title + name" aliases start: the title's words from its first capitalized title word (Foreign Minister Hussein).</summary>
    private static int HeadStart(AnnotatedDocument document, TitleMention t)
    {
        var k = t.TokenStart;
        while (k < t.Head && !document.Tokens[k].IsCapitalized(document.Text))
        {
            k++;
        }

        return k;
    }

    private static void AddAlias(PersonEntity person, string alias)
    {
        if (alias.Length > 0 && !string.Equals(alias, person.Name, StringComparison.Ordinal) && !person.Aliases.Contains(alias, StringComparer.Ordinal))
        {
            person.Aliases.Add(alias);
        }
    }

    /// <summary>The name as written, without middle initials or a transliterated ʿayn, white space collapsed.</summary>
    private static string CleanName(AnnotatedDocument document, int start, int end)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var sb = new System.Text.StringBuilder();
        for (var k = start; k < end; k++)
        {
            var t = tokens[k];
            if (t.Length == 1 && t.IsWord && k + 1 < end && tokens[k + 1].Norm == "." && k > start)
            {
                k++;
                continue;
            }

            if (t.Norm == "'" && !t.IsWord)
            {
                continue;
            }

            var glued = k > start && (t.Norm == "-" || tokens[k - 1].Norm == "-") && t.Start == tokens[k - 1].End;
            if (sb.Length > 0 && !glued)
            {
                sb.Append(' ');
            }

            sb.Append(text, t.Start, t.Length);
        }

        return DisplayName(sb.ToString());
    }

    /// <summary>White space collapsed; an ALL CAPS name (a dateline, a transcript speaker) in title case.</summary>
    public static string DisplayName(string surface) => Display.Name(surface);

    /// <summary>A person known by one name (Barzani) that is the surname of exactly one full-name person joins that person.</summary>
    private static void MergeSingleNames(AnnotatedDocument document)
    {
        foreach (var single in document.People.Where(p => p.NameKeys.All(k => !k.Contains(' '))).ToList())
        {
            var key = single.NameKeys[0];
            var full = document.People.Where(p => !ReferenceEquals(p, single) && p.NameKeys.Any(k => k.Contains(' ') && k.EndsWith(" " + key, StringComparison.Ordinal))).ToList();
            if (full.Count != 1)
            {
                continue;
            }

            var target = full[0];
            foreach (var m in single.Mentions)
            {
                m.Person = target;
                target.Mentions.Add(m);
            }

            single.Mentions.Clear();
            document.People.Remove(single);
            Rename(document, target);
        }
    }
}
